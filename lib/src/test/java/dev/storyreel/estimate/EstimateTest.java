package dev.storyreel.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateTest {
    static final String YAML = """
            currency: EUR
            price_per_core_hour: 0.10
            gpus:
              H100:
                price_per_gpu_hour: 3.00
                seconds_per_megapixel_frame:
                  procedural: 0.5
            """;

    @Test
    void gpuFigureScalesWithFrameSizeAndPriceGivesMoney() throws Exception {
        CostTable t = CostTable.read(new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)));
        FrameCost c = t.figure("h100", "procedural", 1000, 500);
        assertEquals(0.25, c.secondsPerFrame(), 1e-12);
        assertEquals("GPU", c.unit());
        RenderEstimate e = RenderEstimate.of(c, 14_400, 2, t.pricePerHour("GPU", "h100"), t.currency());
        assertEquals(1800, e.renderSeconds(), 1e-9);
        assertEquals(1.0, e.workerHours(), 1e-12);
        assertEquals("EUR 3.00", e.costText());
        assertEquals(900, e.part(7_200).renderSeconds(), 1e-9);
        assertEquals(0.10, t.pricePerHour("core", ""), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> t.figure("a100", "procedural", 64, 36));
        assertThrows(IllegalArgumentException.class, () -> t.figure("h100", "sdxl", 64, 36));
    }

    @Test
    void noPriceMeansNoCost() {
        RenderEstimate e = RenderEstimate.of(new FrameCost("calibration", 0.01, "core", "x"), 100, 4, null, "USD");
        assertNull(e.cost());
        assertEquals("n/a", e.costText());
        assertEquals(0.25, e.renderSeconds(), 1e-12);
    }

    @Test
    void sampleSpreadsOverThePlanDeterministically() {
        assertEquals(List.of(0, 5, 10), Calibration.sample(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 3));
        assertEquals(List.of(7), Calibration.sample(List.of(7), 3));
    }
}
