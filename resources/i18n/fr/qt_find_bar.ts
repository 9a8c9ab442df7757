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
