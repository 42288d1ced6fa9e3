package dev.mnemo.memory.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which messages the memory extractor's model gets to read: the ones that can say something about the person. */
class ExtractionGateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I moved to Porto last month.                  | true",
            "my sister Ana is a nurse                      | true",
            "Ana works nights at Santo António, by the way. | true",
            "we adopted a puppy! her name is Mel           | true",
            "i'm vegetarian now btw                        | true",
            "what's my sister's name again?                | false",
            "capital of Peru?                              | false",
            "define serendipity                            | false",
            "convert 70 f to c                             | false",
            "tell me a joke                                | false",
            "how do i say thank you in portuguese          | false",
            "How's it going? I got the job!                | true",
            "help me plan my wedding, it's in June and we have 80 guests | true",
    })
    void readsOnlyWhatCanBeAboutThePerson(String text, boolean read) {
        assertThat(CandidateExtractor.worthReading(text)).isEqualTo(read);
    }
}
