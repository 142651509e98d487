package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultTest {

    @Test
    void parsesEveryForm() {
        assertThat(Fault.parse("status:500")).isEqualTo(Fault.status(500));
        assertThat(Fault.parse("rate_limit")).isEqualTo(Fault.rateLimit());
        assertThat(Fault.parse(" reset_after:3 ")).isEqualTo(Fault.resetAfter(3));
        assertThat(Fault.parse("stall_after:0")).isEqualTo(Fault.stallAfter(0));
        assertThat(Fault.parse("malformed_sse_after:2")).isEqualTo(Fault.malformedSseAfter(2));
        assertThat(Fault.parse("MALFORMED_JSON_AFTER:2")).isEqualTo(Fault.malformedJsonAfter(2));
        assertThat(Fault.parse("no_done")).isEqualTo(Fault.noDone());
        assertThat(Fault.resetAfter(4).toString()).isEqualTo("reset_after:4");
    }

    @Test
    void rejectsBadForms() {
        assertThatThrownBy(() -> Fault.parse("explode")).hasMessageContaining("unknown fault").hasMessageContaining("reset_after:<k>");
        assertThatThrownBy(() -> Fault.parse("status:200")).hasMessageContaining("400..599");
        assertThatThrownBy(() -> Fault.parse("reset_after")).hasMessageContaining("needs ':<number>'");
        assertThatThrownBy(() -> Fault.parse("reset_after:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Fault.parse("no_done:1")).hasMessageContaining("takes no argument");
    }

    @Test
    void planIsDeterministicUnderSeedAndRoughlyProportional() {
        FaultPlan plan = FaultPlan.none().with(Fault.status(500), 0.1).with(Fault.noDone(), 0.2);
        List<Fault> a = new ArrayList<>();
        List<Fault> b = new ArrayList<>();
        int status = 0;
        int noDone = 0;
        for (int n = 0; n < 10_000; n++) {
            Fault f = plan.choose(7, n);
            a.add(f);
            b.add(plan.choose(7, n));
            if (f != null && f.kind() == Fault.Kind.STATUS) {
                status++;
            } else if (f != null) {
                noDone++;
            }
        }
        assertThat(a).isEqualTo(b);
        assertThat(status).isBetween(850, 1150);
        assertThat(noDone).isBetween(1800, 2200);
        List<Fault> other = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            other.add(plan.choose(8, n));
        }
        assertThat(other).isNotEqualTo(a);
        assertThat(FaultPlan.none().choose(1, 1)).isNull();
        assertThatThrownBy(() -> plan.with(Fault.rateLimit(), 0.8)).hasMessageContaining("> 1");
    }
}
