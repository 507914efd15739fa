package org.camalarm.camera;

/**
 * Gives a camera thing back, when it starts, what the hub remembers of it from before a restart
 * (last event, snapshot, properties). The event history implements it; {@link CameraServices}
 * hands it every camera that starts, and every camera already running when it appears.
 *
 * <p>A separate service rather than a thing listener: a listener that needs the thing registry
 * forms a reference cycle with it (registry → thing events → listeners → registry), which the
 * framework reports as an error at every start.
 */
public interface CameraMemories {

    /** Restores {@code camera} unless it was heard from first; must return at once (work off the caller's thread). */
    void recall(CameraHandler camera);
}
