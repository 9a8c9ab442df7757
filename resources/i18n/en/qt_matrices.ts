<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtCooccurrencePanel</name>
    <message numerus="yes">
        <source>%Ln tag(s). Enter on a cell lists the pairs it counts.</source>
        <translation>
            <numerusform>%Ln tag. Enter on a cell lists the pairs it counts.</numerusform>
            <numerusform>%Ln tags. Enter on a cell lists the pairs it counts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s)</source>
        <translation>
            <numerusform>%Ln pair</numerusform>
            <numerusform>%Ln pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{pairs} of %Ln segment(s): {row} × {column}.</source>
        <translation>
            <numerusform>{pairs} of %Ln segment: {row} × {column}.</numerusform>
            <numerusform>{pairs} of %Ln segments: {row} × {column}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtDocumentMatrixPanel</name>
    <message numerus="yes">
        <source>%Ln document(s). Enter on a cell lists its segments.</source>
        <translation>
            <numerusform>%Ln document. Enter on a cell lists its segments.</numerusform>
            <numerusform>%Ln documents. Enter on a cell lists its segments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s): {row} × {column}.</source>
        <translation>
            <numerusform>%Ln segment: {row} × {column}.</numerusform>
            <numerusform>%Ln segments: {row} × {column}.</numerusform>
        </translation>
    </message>
</context>
</TS>
