<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtWebHighlightsImport</name>
    <message numerus="yes">
        <source>%Ln page note(s) join the document memo.</source>
        <translation>
            <numerusform>%Ln page note joins the document memo.</numerusform>
            <numerusform>%Ln page notes join the document memo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln highlight(s)</source>
        <translation>
            <numerusform>Import %Ln highlight</numerusform>
            <numerusform>Import %Ln highlights</numerusform>
        </translation>
    </message>
</context>
</TS>
