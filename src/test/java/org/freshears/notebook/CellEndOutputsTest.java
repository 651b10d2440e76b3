package org.freshears.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CellEndOutputsTest {

    @Test
    void showsInTheOrderAskedForWhateverOrderTheDrawsEnd() {
        List<String> shown = Collections.synchronizedList(new ArrayList<>());
        List<Supplier<Runnable>> draws = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            draws.add(() -> {
                sleep(8 - n); // the first asked for ends last
                return () -> shown.add("chart " + n);
            });
        }
        CellEndOutputs.drawThenShow(draws, e -> shown.add("failed"));
        assertEquals(List.of("chart 0", "chart 1", "chart 2", "chart 3", "chart 4", "chart 5", "chart 6", "chart 7"),
                shown);
    }

    @Test
    void drawsSideBySideOnTwoCores() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: nothing to draw beside");
        // Each draw waits for the other to have started: done in time only if both run at once.
        CountDownLatch started = new CountDownLatch(2);
        List<Boolean> metInTime = Collections.synchronizedList(new ArrayList<>());
        Supplier<Runnable> draw = () -> {
            started.countDown();
            metInTime.add(await(started));
            return () -> {
            };
        };
        CellEndOutputs.drawThenShow(List.of(draw, draw), e -> {
        });
        assertEquals(List.of(true, true), metInTime);
    }

    @Test
    void aFailedDrawIsReportedInItsPlaceAndTheOthersAreShown() {
        List<String> shown = new ArrayList<>();
        IllegalStateException fault = new IllegalStateException("no chart");
        CellEndOutputs.drawThenShow(List.of(() -> () -> shown.add("first"), () -> {
            throw fault;
        }, () -> () -> shown.add("third")), e -> shown.add("failed: " + e.getMessage()));
        assertEquals(List.of("first", "failed: no chart", "third"), shown);
    }

    @Test
    void anErrorIsThrownOnceEveryDrawHasEnded() {
        List<String> shown = Collections.synchronizedList(new ArrayList<>());
        OutOfMemoryError error = new OutOfMemoryError("drawing");
        List<Supplier<Runnable>> draws = List.of(() -> {
            throw error;
        }, () -> {
            sleep(20);
            shown.add("second drawn");
            return () -> shown.add("second shown");
        });
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> CellEndOutputs.drawThenShow(draws, e -> {
        }));
        assertEquals(error, thrown);
        assertEquals(List.of("second drawn"), shown);
    }

    @Test
    void aCellsDeferredOutputsAreShownInOrderWhenItEnds() {
        CellOutputs outputs = new CellOutputs(System.err);
        outputs.cellStarted();
        assertTrue(outputs.drawAtCellEnd(() -> {
            sleep(20);
            return () -> outputs.display("text/plain", "drawn first, slowly");
        }));
        assertTrue(outputs.atCellEnd(() -> outputs.display("text/plain", "then this")));
        List<RichOutput> displays = outputs.cellFinished().displays();
        assertEquals(List.of("drawn first, slowly", "then this"),
                displays.stream().map(o -> new String(o.data(), java.nio.charset.StandardCharsets.UTF_8)).toList());
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
