package dev.storyreel.remote;

import dev.storyreel.shot.ShotSpec;

/**
 * A shot for the remote renderer.
 *
 * @param shotKey   the plan's shot key (the idempotency key and the ledger's name for it)
 * @param spec      what to render
 * @param continues whether it starts from the last frame of the shot before it in the same list
 * @param emit      false for a shot rendered only so the next can start from its last frame (its frames are
 *                  already committed; its job is found in the ledger, nothing is paid again)
 */
public record RemoteShot(String shotKey, ShotSpec spec, boolean continues, boolean emit) implements java.io.Serializable {
}
