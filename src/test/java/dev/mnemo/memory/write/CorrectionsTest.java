package dev.mnemo.memory.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryKind;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of an offline correction: a change said, about the same subject, and nothing that only adds. */
class CorrectionsTest {

    @ParameterizedTest(name = "{0} ← {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "My sister Ana lives in Porto. | actually ana moved to lisbon | true",
            "My sister Ana lives in Porto. | she's in lisbon now | true",
            "I'm dating Mark. | mark and i broke up | true",
            "I'm vegetarian. | not vegetarian anymore | true",
            "My dog Max is 3 years old. | max turned 4 last week | true",
            "Book club meets on Wednesday. | book club is on fridays | true",
            "My brother Luis lives in Madrid. | luis lives in valencia | true",
            "My friend Tara lives in Seattle. | she lives in austin | true",
            "I drive a Tesla Model 3. | i drive a ford f-150 | true",
            "My wifi password is sunflower22. | wifi pw is bluebird9 | true",
            "I'm dating Mark. | we broke up | true",
            "I use LastPass for passwords. | moved everything to 1password | true",
            "Flight to Berlin is on May 3. | flight got rebooked for may 5 | true",
            "My dad lives in Florida. | dad's back in ohio | true",
            "I live in Madrid and work at Google. | i live in lisbon now | true",
            "The wedding is on Saturday. | the wedding got postponed | true",
            "I live in Porto. | moved to lisbon last month | true",
            "I'm vegan. | not vegan anymore | true",
            "My sister Ana lives in Porto. | my sister moved to lisbon | true",
            "I live with my parents. | i moved in with my boyfriend | true",
            "My parents live in Boston. | they moved to phoenix | true",
            "My sister Ana lives in Porto. | my brother lives in porto too | false",
            "I'm married to Sarah. | my brother got divorced | false",
            "Tom is allergic to nuts. | tom's also allergic to shellfish | false",
            "I work at Deloitte. | still at deloitte, 5 years now | false",
            "Dentist appointment on Friday at 3pm. | remind me about the dentist friday | false",
            "I'm on the keto diet. | now it's raining, great | false",
            "My dog Max is 3 years old. | max is sleeping now | false",
            "My dog Max is 3 years old. | max is a golden retriever | false",
            "My friend Omar works at Amazon. | omar's been at amazon 6 yrs now, crazy | false",
            "I'm learning to play guitar. | started learning to knit | false",
            "I go to bed around 11. | bed frame arrived, assembling it now | false",
            "My sister Ana lives in Porto. | ana's in lisbon this weekend | false",
            "My sister Ana lives in Porto. | my brother lives in lisbon | false",
            "I'm dating Mark. | my sister broke up with her boyfriend | false",
            "I run on Mondays. | went for a run on tuesday | false",
            "Went for a run on Monday. | I run on Tuesdays. | false",
            "I live in Porto. | jake moved to lisbon | false",
            "I live in Porto. | my landlord moved to spain | false",
            "I'm vegetarian. | tom is vegan now | false",
            "I work at Deloitte. | priya just started at google | false",
            "I'm dating Mark. | jess and tom broke up | false",
            "I smoke about half a pack a day. | dan gave up smoking | false",
            "I'm 34 years old. | the baby turned 1 | false",
            "I'm a Vodafone customer. | the office switched to o2 | false",
            "I have a Samsung TV. | switched to an iphone | false",
            "I cycle to work. | i'm on the train now | false",
            "I'm fully remote. | i'm at the office now | false",
            "I run 5k every morning. | i'm on 80k now | false",
            "My brother's wife works at Google. | my wife works at apple | false",
            "My sister's boyfriend lives in Porto. | my boyfriend lives in lisbon | false",
            "My friend Omar works at Amazon. | my friend works at google | false",
            "My brother Luis lives in Madrid. | she lives in austin | false",
            "We live in Porto. | they live in lisbon | false",
            "I live in London. | i moved to the sales team | false",
            "I drive a Tesla Model 3. | i drive to work most days | false",
            "My dad drives a Volvo. | my dad drives me crazy | false",
            "I work at Deloitte. | i work at home on fridays | false",
            "I work at Deloitte. | i'm a member at the golf club | false",
            "I live with my parents. | i live with chronic pain | false",
            "My dad lives in Florida. | dad's back in hospital | false",
            "My brother's birthday is May 3. | my birthday is june 9 | false",
            "My sister's name is Ana. | my name is Sam | false",
            "My boss is Priya. | my boss is on holiday | false",
            "My sister is Ana. | my sister is pregnant | false",
            "My rent is $1,400 a month. | rent is due on the 1st | false",
            "My dog Max is 3 years old. | dog is 30kg | false",
            "My son Leo is 4. | leo is in year 1 | false",
            "I go to the gym on Mondays. | off to the gym | false",
            "I go to the gym on Mondays. | back at the gym after a week off | false",
            "I'm dating Mark. | left mark's place yesterday | false",
            "I work at Google. | i'm a pro at excel | false",
            "I work at Google. | i'm a barista at a cafe on weekends | false",
            "I drive a Tesla Model 3. | i drive a lot for work | false",
            "I live in Porto. | i moved to nights | false",
            "I live in Porto. | moved to linux finally | false",
            "My brother lives in Madrid. | my brother is in lisbon for work now | false",
            "My dog Max is 3 years old. | max's vet appointment got cancelled yesterday | false",
            "I go to the gym on Mondays. | gym class got cancelled yesterday | false",
            "I live in Porto. | i nearly moved to lisbon last year | false",
            "I take the bus to work. | bus fare went up last month | false",
            "My brother's wife works at Google. | my wife just started at apple | false",
            "My friend Omar works at Amazon. | my friend just started at google | false",
            "My friend Omar lives in Porto. | my friend moved to lisbon | false",
            "My brother Luis lives in Madrid. | she moved to austin | false",
            "My brother Luis lives in Madrid. | she's in austin now | false",
            "I live in Porto. | they moved to lisbon | false",
            "My sister Ana lives in Porto. | ana's flight got cancelled | false",
            "My sister Ana lives in Porto. | ana's landlord moved to lisbon | false",
            "My sister Ana lives in Porto. | ana's in lisbon right now | false",
            "I'm dating Mark. | mark's band broke up | false"})
    void aChangeAboutTheSameSubjectReplacesTheOlderMemory(String older, String newer, boolean replaces) {
        assertThat(Corrections.replaces(older, newer, Statements.isCorrection(newer), 0.7,
                Statements.kindOf(newer) == MemoryKind.EVENT)).isEqualTo(replaces);
    }

    @ParameterizedTest(name = "{0} ← {1} at {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "My sister Ana lives in Porto. | actually ana moved to lisbon | 0.44 | false",
            "My sister Ana lives in Porto. | actually ana moved to lisbon | 0.45 | true",
            "My sister Ana lives in Porto. | she's in lisbon now | 0.55 | false",
            "I'm vegan. | I quit smoking. | 0.69 | false",
            "The user is vegan. | The user quit smoking. | 0.74 | false",
            "My friend Tom lives in Leeds. | tom's wedding is in june | 0.6 | false",
            "My dog Max is 3 years old. | my cat turned 4 | 0.7 | false"})
    void unrelatedOrDistantStatementsNeverReplaceAMemory(String older, String newer, double similarity, boolean replaces) {
        assertThat(Corrections.replaces(older, newer, Statements.isCorrection(newer), similarity,
                Statements.kindOf(newer) == MemoryKind.EVENT)).isEqualTo(replaces);
    }
}
