<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtWindowLayout</name>
    <message>
        <source>&amp;Library</source>
        <extracomment>The fewest average characters a line of the text keeps while side panels can give way. The narrowest a side panel shrinks to before it is folded away instead.</extracomment>
        <translation>Bib&amp;liothèque</translation>
    </message>
    <message>
        <source>&amp;Tags and annotations</source>
        <translation>É&amp;tiquettes et annotations</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panneaux</translation>
    </message>
    <message>
        <source>Distraction-&amp;free reading</source>
        <translation>Lecture sans distraction (&amp;F)</translation>
    </message>
    <message>
        <source>Only the text, full screen; F11 again brings everything back</source>
        <translation>Seulement le texte, en plein écran ; F11 à nouveau rétablit tout</translation>
    </message>
    <message>
        <source>The window is too narrow for that panel: widen it first.</source>
        <translation>La fenêtre est trop étroite pour ce panneau : élargissez-la d’abord.</translation>
    </message>
</context>
</TS>
