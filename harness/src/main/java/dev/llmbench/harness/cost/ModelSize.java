package dev.llmbench.harness.cost;

/**
 * A model's size for the cost floor ({@link CostFloor}). Immutable.
 *
 * <p>The forward pass costs about 2 FLOPs per active parameter per token (a multiply and an add), training about 6
 * (forward and backward); the weights take total parameters × bytes per parameter.
 *
 * @param totalParameters   all parameters (what the weights hold), &gt; 0
 * @param activeParameters  parameters used per token: the total for a dense model, fewer for a mixture of experts;
 *                          0 &lt; active &lt;= total
 * @param bytesPerParameter bytes per weight: 4 (fp32), 2 (fp16/bf16), 1 (8-bit), 0.5 (4-bit); &gt; 0
 */
public record ModelSize(double totalParameters, double activeParameters, double bytesPerParameter) {

    /** Bytes per parameter when none is given: 16-bit weights (fp16 / bf16). */
    public static final double DEFAULT_BYTES_PER_PARAMETER = 2;

    public ModelSize {
        if (!(totalParameters > 0) || Double.isInfinite(totalParameters)) {
            throw new IllegalArgumentException("totalParameters must be a finite number > 0, was " + totalParameters);
        }
        if (!(activeParameters > 0) || activeParameters > totalParameters) {
            throw new IllegalArgumentException("activeParameters must be > 0 and <= totalParameters (" + totalParameters
                    + "), was " + activeParameters);
        }
        if (!(bytesPerParameter > 0) || bytesPerParameter > 16) {
            throw new IllegalArgumentException("bytesPerParameter must be > 0 and <= 16, was " + bytesPerParameter);
        }
    }

    /** A dense model: every parameter active. */
    public static ModelSize dense(double parameters, double bytesPerParameter) {
        return new ModelSize(parameters, parameters, bytesPerParameter);
    }

    /** The weights' size in bytes: total parameters × bytes per parameter. */
    public double weightBytes() {
        return totalParameters * bytesPerParameter;
    }

    /** FLOPs of a forward pass over {@code tokens} tokens: 2 × active parameters × tokens. */
    public double forwardFlops(double tokens) {
        return 2 * activeParameters * tokens;
    }

    /** FLOPs of training on {@code tokens} tokens: about 6 × active parameters × tokens (forward and backward). */
    public double trainingFlops(double tokens) {
        return 6 * activeParameters * tokens;
    }
}
