package org.spinworkbench.lm.hf;

/** Shape arithmetic shared by the reader and the writer. */
final class Shapes {
    private Shapes() {
    }

    /** Product of the dimensions; throws on a negative dimension or a product beyond a long. */
    static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension " + dimension);
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }
}
