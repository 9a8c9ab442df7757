<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtNavigation</name>
    <message>
        <source>Next annotation</source>
        <translation>Annotation suivante</translation>
    </message>
    <message>
        <source>Previous annotation</source>
        <translation>Annotation précédente</translation>
    </message>
    <message>
        <source>Extend selection to the sentence end</source>
        <translation>Étendre la sélection jusqu’à la fin de la phrase</translation>
    </message>
    <message>
        <source>Extend selection to the sentence start</source>
        <translation>Étendre la sélection jusqu’au début de la phrase</translation>
    </message>
    <message>
        <source>Snap selection to whole &amp;words</source>
        <translation>Aligner la sélection sur des mots entiers (&amp;W)</translation>
    </message>
    <message>
        <source>A selection dragged with the mouse takes in the words its ends cut through</source>
        <translation>Une sélection faite à la souris englobe les mots que ses extrémités coupent</translation>
    </message>
    <message>
        <source>No annotation further on.</source>
        <translation>Aucune annotation plus loin.</translation>
    </message>
    <message>
        <source>No annotation before.</source>
        <translation>Aucune annotation avant.</translation>
    </message>
</context>
<context>
    <name>QtPaneCycler</name>
    <message>
        <source>Next pane</source>
        <extracomment>A pane: the area the focus counts as in, and the widget F6 puts the keyboard on (None: the area&apos;s first widget that takes Tab focus).</extracomment>
        <translation>Volet suivant</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Volet précédent</translation>
    </message>
</context>
</TS>
