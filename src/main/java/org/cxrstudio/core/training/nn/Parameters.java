package org.cxrstudio.core.training.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;

/**
 * The per-channel (or per-class) parameters our own blocks add next to DJL's layers:
 * {@link SameConv}'s scale and shift, {@link LseLbaPooling}'s β. Stateless.
 */
final class Parameters {
    private Parameters() {
    }

    /** A parameter of shape {@code (size)} whose values all start at {@code value}. */
    static Parameter constant(String name, Parameter.Type type, long size, float value) {
        return Parameter.builder().setName(name).setType(type)
                .optShape(new Shape(size)).optInitializer(new ConstantInitializer(value)).build();
    }
}
