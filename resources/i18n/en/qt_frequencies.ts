<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtFrequenciesPanel</name>
    <message numerus="yes">
        <source>%Ln word(s). Enter on a word lists it in context.</source>
        <translation>
            <numerusform>%Ln word. Enter on a word lists it in context.</numerusform>
            <numerusform>%Ln words. Enter on a word lists it in context.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln occurrence(s)</source>
        <translation>
            <numerusform>%Ln occurrence</numerusform>
            <numerusform>%Ln occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{word}”: {occurrences} in %Ln document(s).</source>
        <translation>
            <numerusform>“{word}”: {occurrences} in %Ln document.</numerusform>
            <numerusform>“{word}”: {occurrences} in %Ln documents.</numerusform>
        </translation>
    </message>
</context>
</TS>
