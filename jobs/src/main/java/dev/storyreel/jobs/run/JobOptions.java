package dev.storyreel.jobs.run;

import dev.storyreel.render.RendererSpec;

/**
 * What a run is asked to do (the CLI's options, validated).
 *
 * @param catalogue  CSV catalogue or folder of screenplays (local path or any Hadoop URI)
 * @param out        output root
 * @param renderer   renderer and model
 * @param width      frame width
 * @param height     frame height
 * @param fps        frames per second
 * @param seed       run seed mixed into every film's seed
 * @param codec      frame codec of the frames table
 * @param preset     x264 preset
 * @param crf        x264 CRF
 * @param planOnly   write the plan and stop
 * @param waveShots  shots per render commit (0: four per core)
 * @param gpuModel   GPU model whose recorded figures make the estimate ("": calibrate on this machine)
 * @param estimates  the recorded figures and prices (YAML; missing file: none)
 */
public record JobOptions(String catalogue, String out, RendererSpec renderer, int width, int height, int fps, long seed,
                  String codec, String preset, int crf, boolean planOnly, int waveShots, String gpuModel,
                  String estimates) {
}
