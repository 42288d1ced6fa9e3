package dev.mnemo.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nothing that could drive a terminal goes to the server or reaches the screen; text and line breaks do. */
class TextsTest {

    // (A value starting with a control character would be trimmed by the CSV source: each starts with text.)
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an arrow key (CSI)           | /memorie\u001b[D\u001b[D\u001b[As           | /memories
            a colour                     | a \u001b[31mred\u001b[0m alert              | a red alert
            a title, ended by BEL (OSC)  | say\u001b]0;owned\u0007hello                | sayhello
            a title, ended by ST (OSC)   | say\u001b]2;owned\u001b\\hello              | sayhello
            an unterminated OSC          | hi\u001b]8;;http://evil                     | hi
            an 8-bit CSI                 | a\u009b2Jb                                  | ab
            a DCS opener                 | a\u001bPq#0b                                | aq#0b
            DEL, NUL, bell, backspace    | a\u007fb\u0000c\u0007d\u0008e               | abcde
            a C1 control                 | a\u0085b                                    | ab
            bidi overrides               | pay \u202eusd 01\u202c now\u2066x\u2069     | pay usd 01 nowx
            an emoji and accents         | olá \uD83D\uDE00 café                       | olá \uD83D\uDE00 café
            """)
    void controlsAreRemovedTextStays(String what, String in, String out) {
        assertThat(Texts.typed(in)).as(what).isEqualTo(out);
        assertThat(Texts.shown(in)).as(what).isEqualTo(out);
    }

    @Test
    void lineBreaksAndTabsStayAndWindowsOnesBecomePlain() {
        assertThat(Texts.shown("one\r\ntwo\rthree\n\tfour")).isEqualTo("one\ntwo\nthree\n\tfour");
        assertThat(Texts.typed("  padded  ")).isEqualTo("padded");
    }
}
