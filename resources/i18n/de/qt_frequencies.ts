<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtFrequenciesPanel</name>
    <message>
        <source>Word frequencies</source>
        <translation>Worthäufigkeiten</translation>
    </message>
    <message>
        <source>word</source>
        <translation>Wort</translation>
    </message>
    <message>
        <source>Leave out the stop words of</source>
        <translation>Stoppwörter auslassen von</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Minimum length, characters</source>
        <translation>Mindestlänge, Zeichen</translation>
    </message>
    <message>
        <source>Keep the most frequent words, 0 for all</source>
        <translation>Die häufigsten Wörter behalten, 0 für alle</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Stop words of (&amp;J)</source>
        <translation>Stoppwörter von (&amp;J)</translation>
    </message>
    <message>
        <source>Mi&amp;n. length</source>
        <translation>Mi&amp;n. Länge</translation>
    </message>
    <message>
        <source>&amp;Keep top</source>
        <translation>Häufigste behalten (&amp;K)</translation>
    </message>
    <message>
        <source>The word in context</source>
        <translation>Das Wort im Kontext</translation>
    </message>
    <message>
        <source>Word in context</source>
        <translation>Wort im Kontext</translation>
    </message>
    <message>
        <source>Copy the selected occurrences</source>
        <translation>Die ausgewählten Vorkommen kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s). Enter on a word lists it in context.</source>
        <translation>
            <numerusform>%Ln Wort. Eingabe auf einem Wort zeigt es im Kontext.</numerusform>
            <numerusform>%Ln Wörter. Eingabe auf einem Wort zeigt es im Kontext.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln occurrence(s)</source>
        <translation>
            <numerusform>%Ln Vorkommen</numerusform>
            <numerusform>%Ln Vorkommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{word}”: {occurrences} in %Ln document(s).</source>
        <translation>
            <numerusform>„{word}“: {occurrences} in %Ln Dokument.</numerusform>
            <numerusform>„{word}“: {occurrences} in %Ln Dokumenten.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Word frequencies</source>
        <translation>&amp;Worthäufigkeiten</translation>
    </message>
</context>
</TS>
