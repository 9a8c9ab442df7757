<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtPdfHighlightsDialog</name>
    <message numerus="yes">
        <source>Not placed (%Ln highlight(s)):</source>
        <translation>
            <numerusform>Not placed (%Ln highlight):</numerusform>
            <numerusform>Not placed (%Ln highlights):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtPdfHighlightsImport</name>
    <message numerus="yes">
        <source>Import %Ln PDF highlight(s)</source>
        <translation>
            <numerusform>Import %Ln PDF highlight</numerusform>
            <numerusform>Import %Ln PDF highlights</numerusform>
        </translation>
    </message>
</context>
</TS>
