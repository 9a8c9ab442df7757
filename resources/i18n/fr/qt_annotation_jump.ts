<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtAnnotationJump</name>
    <message>
        <source>Jump to an annotation</source>
        <extracomment>How many words of a quote or a note a row shows.</extracomment>
        <translation>Aller à une annotation</translation>
    </message>
    <message>
        <source>Type a tag, words, a note or a coder; Enter goes there</source>
        <translation>Tapez une étiquette, des mots, une note ou un codeur ; Entrée y va</translation>
    </message>
    <message>
        <source>Annotation to jump to</source>
        <translation>Annotation où aller</translation>
    </message>
    <message>
        <source>Matching annotations</source>
        <translation>Annotations correspondantes</translation>
    </message>
    <message>
        <source>&amp;Jump to annotation…</source>
        <translation>Aller à une annotation (&amp;J)…</translation>
    </message>
    <message>
        <source>Choose one of this document&apos;s annotations by typing, and go to it</source>
        <translation>Choisir une des annotations de ce document en tapant, et y aller</translation>
    </message>
    <message>
        <source>No annotations shown in this document to jump to.</source>
        <translation>Aucune annotation affichée dans ce document où aller.</translation>
    </message>
</context>
</TS>
