package org.mppfw.config.internal;

import java.util.List;

/** What a store keeps for another firmware (see {@link KeptValue}), in file order. */
interface KeptValues {

    List<KeptValue> kept();
}
