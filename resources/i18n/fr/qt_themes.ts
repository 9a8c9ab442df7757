<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtAppearanceMenus</name>
    <message>
        <source>Follow &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>C&amp;lair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>Sombre (&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>Sépia (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>Remplissage (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>So&amp;ulignement</translation>
    </message>
    <message>
        <source>Fill &amp;and underline</source>
        <translation>Rempliss&amp;age et soulignement</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Highlight st&amp;yle</source>
        <translation>St&amp;yle de surlignage</translation>
    </message>
    <message>
        <source>Highlight style</source>
        <translation>Style de surlignage</translation>
    </message>
    <message>
        <source>Tag &amp;patterns</source>
        <translation>Motifs &amp;par étiquette</translation>
    </message>
    <message>
        <source>Underline each tag in a pattern of its own (solid, dashed, dotted, wavy…), in codebook order; while other coders are shown in their underline styles, theirs win</source>
        <translation>Souligner chaque étiquette d’un motif propre (plein, tireté, pointillé, ondulé…), dans l’ordre du livre de codes ; tant que d’autres codeurs sont affichés dans leurs styles de soulignement, les leurs l’emportent</translation>
    </message>
</context>
</TS>
