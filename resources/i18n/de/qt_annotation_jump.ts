<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtAnnotationJump</name>
    <message>
        <source>Jump to an annotation</source>
        <extracomment>How many words of a quote or a note a row shows.</extracomment>
        <translation>Zu einer Annotation springen</translation>
    </message>
    <message>
        <source>Type a tag, words, a note or a coder; Enter goes there</source>
        <translation>Tippen Sie einen Tag, Wörter, eine Notiz oder einen Codierer; Eingabe springt dorthin</translation>
    </message>
    <message>
        <source>Annotation to jump to</source>
        <translation>Annotation, zu der gesprungen wird</translation>
    </message>
    <message>
        <source>Matching annotations</source>
        <translation>Passende Annotationen</translation>
    </message>
    <message>
        <source>&amp;Jump to annotation…</source>
        <translation>Zu Annotation springen (&amp;J) …</translation>
    </message>
    <message>
        <source>Choose one of this document&apos;s annotations by typing, and go to it</source>
        <translation>Eine der Annotationen dieses Dokuments durch Tippen wählen und zu ihr springen</translation>
    </message>
    <message>
        <source>No annotations shown in this document to jump to.</source>
        <translation>In diesem Dokument werden keine Annotationen angezeigt, zu denen gesprungen werden kann.</translation>
    </message>
</context>
</TS>
