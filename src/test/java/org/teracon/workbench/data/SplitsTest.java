package org.teracon.workbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    static Task task(int n) {
        return new Task("t", TaskKind.CLASSIFICATION, List.of("a", "b"), new int[n], new int[n], false);
    }

    @Test
    void partitionIs80_5_15AndCoversEveryInstanceOnce() {
        Split s = Splits.split(task(1000), 42);
        assertEquals(800, s.train().length);
        assertEquals(50, s.validation().length);
        assertEquals(150, s.test().length);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 1000).toArray(), all);
    }

    @Test
    void deterministicBySeed() {
        Split a = Splits.split(task(200), 3);
        Split b = Splits.split(task(200), 3);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.test(), Splits.split(task(200), 4).test()));
    }

    @Test
    void smallTasksStillGetValidationAndTest() {
        for (int n = 3; n <= 12; n++) {
            Split s = Splits.split(task(n), n);
            assertEquals(1, Math.min(1, s.validation().length), "n=" + n);
            assertEquals(1, Math.min(1, s.test().length), "n=" + n);
            assertEquals(n, s.train().length + s.validation().length + s.test().length);
        }
        Split three = Splits.split(task(3), 0);
        assertEquals(List.of(1, 1, 1), List.of(three.train().length, three.validation().length, three.test().length));
        assertEquals(2, Splits.split(task(2), 0).train().length);
        assertEquals(0, Splits.split(task(0), 0).train().length);
    }
}
