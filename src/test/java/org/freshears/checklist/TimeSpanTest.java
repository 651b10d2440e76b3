package org.freshears.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeSpanTest {

    @Test
    void readsTheWaysPeopleWriteTimes() {
        assertEquals(42.0, TimeSpan.parseSeconds("0:42"));
        assertEquals(65.25, TimeSpan.parseSeconds("1:05.250"));
        assertEquals(65.5, TimeSpan.parseSeconds("1:05.5"));
        assertEquals(3725.0, TimeSpan.parseSeconds("1:02:05"));
        assertEquals(42.5, TimeSpan.parseSeconds("42.5"));
        assertEquals(7.0, TimeSpan.parseSeconds(" 7 "));
    }

    @Test
    void rejectsWhatIsNotATime() {
        for (String bad : new String[] {"", "abc", "1:75", "-3", "1:2:3:4", "NaN", "Infinity", "0:60"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSpan.parseSeconds(bad));
            assertTrue(e.getMessage().startsWith("not a time: '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void spansMustRunForward() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSpan.of("0:30", "0:20"));
        assertEquals("a span must end after it starts, got 0:30.000 to 0:20.000", e.getMessage());
        assertEquals("0:20.000-0:30.000", TimeSpan.of("0:20", "0:30").toString());
        assertEquals(10.0, TimeSpan.of("0:20", "0:30").durationSeconds());
    }

    @Test
    void bandsKeepTheirEdgesInOrder() {
        assertEquals(Math.sqrt(180 * 400), new Band(180, 400).centreHz(), 1e-12);
        assertEquals("180 Hz-400 Hz", new Band(180, 400).toString());
        assertEquals("5 kHz-9 kHz", new Band(5_000, 9_000).toString());
        assertThrows(IllegalArgumentException.class, () -> new Band(400, 180));
        assertThrows(IllegalArgumentException.class, () -> new Band(0, 180));
    }
}
