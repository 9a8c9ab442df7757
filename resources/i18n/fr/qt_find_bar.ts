<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtFindBar</name>
    <message>
        <source>Find in document</source>
        <extracomment>The most hits the bar marks and steps through (the search stops there): a pattern that matches nearly everything (&quot;.&quot; as a regex) stays a keystroke&apos;s work.</extracomment>
        <translation>Rechercher dans le document</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Find in this document</source>
        <translation>Rechercher dans ce document</translation>
    </message>
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
    <message>
        <source>Previous hit</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3, Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+F3, Maj+Entrée)</translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <source>Next hit (F3, Enter)</source>
        <translation>Occurrence suivante (F3, Entrée)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Auto-code…</source>
        <translation>Codage automatique…</translation>
    </message>
    <message>
        <source>Auto-code hits</source>
        <translation>Coder automatiquement les occurrences</translation>
    </message>
    <message>
        <source>Tag every hit, its sentence or its paragraph, after a preview (Alt+A)</source>
        <translation>Étiqueter chaque occurrence, sa phrase ou son paragraphe, après un aperçu (Alt+A)</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message>
        <source>{count}+ hits</source>
        <translation>{count}+ occurrences</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln occurrence</numerusform>
            <numerusform>%Ln occurrences</numerusform>
        </translation>
    </message>
    <message>
        <source>No hits to auto-code</source>
        <translation>Aucune occurrence à coder automatiquement</translation>
    </message>
    <message>
        <source>Type what to find first</source>
        <translation>Saisissez d’abord ce qu’il faut rechercher</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} sur {total}</translation>
    </message>
</context>
</TS>
