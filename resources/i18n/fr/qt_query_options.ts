<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtQueryOptions</name>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Mots entiers</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Loose</source>
        <translation>Souple</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Mots entiers seulement</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Expression régulière</translation>
    </message>
    <message>
        <source>Loose: any white space, curly or straight quotes</source>
        <translation>Souple : tout espace, guillemets courbes ou droits</translation>
    </message>
    <message>
        <source>Match case (Alt+C)</source>
        <translation>Respecter la casse (Alt+C)</translation>
    </message>
    <message>
        <source>Whole words only: no letter, digit, _ or combining mark either side (Alt+W)</source>
        <translation>Mots entiers seulement : ni lettre, ni chiffre, ni _, ni diacritique combinant de part et d’autre (Alt+W)</translation>
    </message>
    <message>
        <source>A regular expression, as Python writes them (Alt+R)</source>
        <translation>Une expression régulière, telle que Python les écrit (Alt+R)</translation>
    </message>
    <message>
        <source>White space matches any run of white space (NBSP, line breaks); quotes match curly or straight (Alt+L)</source>
        <translation>Un espace correspond à toute suite d’espaces (NBSP, sauts de ligne) ; les guillemets, courbes ou droits (Alt+L)</translation>
    </message>
</context>
</TS>
