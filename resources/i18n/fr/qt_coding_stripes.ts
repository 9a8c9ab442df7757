<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtCodingStripes</name>
    <message>
        <source>Coding stripes</source>
        <translation>Bandes de codage</translation>
    </message>
    <message>
        <source>A bar per annotation in its tag&apos;s colour; click one to select it. The Outline lists them.</source>
        <translation>Une barre par annotation, de la couleur de son étiquette ; un clic la sélectionne. Le plan les énumère.</translation>
    </message>
    <message>
        <source>Codi&amp;ng stripes</source>
        <translation>Ba&amp;ndes de codage</translation>
    </message>
    <message>
        <source>A bar per annotation beside the text, in its tag&apos;s colour</source>
        <translation>Une barre par annotation à côté du texte, de la couleur de son étiquette</translation>
    </message>
    <message>
        <source>by {coder}</source>
        <translation>par {coder}</translation>
    </message>
</context>
</TS>
