<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtLibrarySession</name>
    <message numerus="yes">
        <source>Change the tag of %Ln annotation(s) to {tag}</source>
        <translation>
            <numerusform>Change the tag of %Ln annotation to {tag}</numerusform>
            <numerusform>Change the tag of %Ln annotations to {tag}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the tag of %Ln annotation(s)</source>
        <translation>
            <numerusform>Change the tag of %Ln annotation</numerusform>
            <numerusform>Change the tag of %Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln annotation(s)</source>
        <translation>
            <numerusform>Delete %Ln annotation</numerusform>
            <numerusform>Delete %Ln annotations</numerusform>
        </translation>
    </message>
</context>
</TS>
