package org.camalarm.thing;

/**
 * What the registry holds for each thing: the thing itself and whatever drives it (a camera's
 * alarm handling, a relay's push client). Handlers add their own operations; users of the
 * registry look for the handler type they can work with.
 */
public interface ThingHandler {

    Thing thing();
}
