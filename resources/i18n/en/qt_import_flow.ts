<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <source>{names} and %Ln more</source>
        <extracomment>How many of the tags a codebook added the status bar names.</extracomment>
        <translation>
            <numerusform>{names} and %Ln more</numerusform>
            <numerusform>{names} and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln tag(s) from the codebook: {names}.</source>
        <translation>
            <numerusform>Added %Ln tag from the codebook: {names}.</numerusform>
            <numerusform>Added %Ln tags from the codebook: {names}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln new document(s), {annotations}</source>
        <translation>
            <numerusform>Imported %Ln new document, {annotations}</numerusform>
            <numerusform>Imported %Ln new documents, {annotations}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s) were already in the library</source>
        <translation>
            <numerusform>%Ln document was already in the library</numerusform>
            <numerusform>%Ln documents were already in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %Ln tag(s)</source>
        <translation>
            <numerusform>added %Ln tag</numerusform>
            <numerusform>added %Ln tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtImportFlow</name>
    <message numerus="yes">
        <source>Import %Ln annotation(s) by {coders}</source>
        <translation>
            <numerusform>Import %Ln annotation by {coders}</numerusform>
            <numerusform>Import %Ln annotations by {coders}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln annotation(s)</source>
        <translation>
            <numerusform>Import %Ln annotation</numerusform>
            <numerusform>Import %Ln annotations</numerusform>
        </translation>
    </message>
</context>
</TS>
