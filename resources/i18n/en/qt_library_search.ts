<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtLibrarySearch</name>
    <message numerus="yes">
        <source>in %Ln document(s)</source>
        <translation>
            <numerusform>in %Ln document</numerusform>
            <numerusform>in %Ln documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s) {in_documents}</source>
        <translation>
            <numerusform>%Ln hit {in_documents}</numerusform>
            <numerusform>%Ln hits {in_documents}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtSearchResultsModel</name>
    <message numerus="yes">
        <source>{title} — %Ln hit(s)</source>
        <translation>
            <numerusform>{title} — %Ln hit</numerusform>
            <numerusform>{title} — %Ln hits</numerusform>
        </translation>
    </message>
</context>
</TS>
