<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtRetrievalPanel</name>
    <message numerus="yes">
        <source>in %Ln document(s)</source>
        <translation>
            <numerusform>in %Ln document</numerusform>
            <numerusform>in %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s) {in_documents}.</source>
        <translation>
            <numerusform>%Ln segment {in_documents}.</numerusform>
            <numerusform>%Ln segments {in_documents}.</numerusform>
        </translation>
    </message>
</context>
</TS>
