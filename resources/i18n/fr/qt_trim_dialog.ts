<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtTrimDialog</name>
    <message>
        <source>Trim web boilerplate?</source>
        <translation>Retirer le superflu web ?</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; seems to end with site furniture or repeat itself ({parts}, {characters}). Struck-through text below would be removed; it stays recoverable in the document&apos;s metadata.</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; semble se terminer par des éléments du site ou se répéter ({parts}, {characters}). Le texte barré ci-dessous serait retiré ; il reste récupérable dans les métadonnées du document.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln part(s)</source>
        <translation>
            <numerusform>%Ln partie</numerusform>
            <numerusform>%Ln parties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractère</numerusform>
            <numerusform>%Ln caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>Parts to remove</source>
        <translation>Parties à retirer</translation>
    </message>
    <message>
        <source>{reason}: “{preview}…” ({characters})</source>
        <translation>{reason} : « {preview}… » ({characters})</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>Aperçu du document</translation>
    </message>
    <message>
        <source>Trim checked parts</source>
        <translation>Retirer les parties cochées</translation>
    </message>
    <message>
        <source>Keep everything</source>
        <translation>Tout garder</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Annuler l’importation</translation>
    </message>
</context>
</TS>
