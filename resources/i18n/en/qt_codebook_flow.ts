<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtCodebookFlow</name>
    <message numerus="yes">
        <source>Move %Ln tag(s)</source>
        <translation>
            <numerusform>Move %Ln tag</numerusform>
            <numerusform>Move %Ln tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %Ln annotation(s) too</source>
        <translation>
            <numerusform>Delete the %Ln annotation too</numerusform>
            <numerusform>Delete the %Ln annotations too</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{tag}” is used by %Ln annotation(s). What should happen to them?</source>
        <translation>
            <numerusform>“{tag}” is used by %Ln annotation. What should happen to it?</numerusform>
            <numerusform>“{tag}” is used by %Ln annotations. What should happen to them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move the %Ln annotation(s) of “{tag}” to:</source>
        <translation>
            <numerusform>Move the %Ln annotation of “{tag}” to:</numerusform>
            <numerusform>Move the %Ln annotations of “{tag}” to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to:</source>
        <translation>
            <numerusform>Move %Ln annotation to:</numerusform>
            <numerusform>Move %Ln annotations to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to a new tag:</source>
        <translation>
            <numerusform>Move %Ln annotation to a new tag:</numerusform>
            <numerusform>Move %Ln annotations to a new tag:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to the new tag {tag}</source>
        <translation>
            <numerusform>Move %Ln annotation to the new tag {tag}</numerusform>
            <numerusform>Move %Ln annotations to the new tag {tag}</numerusform>
        </translation>
    </message>
</context>
</TS>
