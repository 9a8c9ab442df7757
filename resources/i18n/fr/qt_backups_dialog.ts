<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtBackupsDialog</name>
    <message>
        <source>daily copy</source>
        <extracomment>Why each kind of backup was made, in words a reader of the list understands (translated when shown).</extracomment>
        <translation>copie quotidienne</translation>
    </message>
    <message>
        <source>weekly copy</source>
        <translation>copie hebdomadaire</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>faite par vous</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>avant une restauration</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>avant une mise à niveau</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>A backup is a copy of your library. Annotator makes one every day and every week, one before it upgrades the library for a new version, and one before every restore; “Back up now” makes one whenever you like. Restoring replaces your library with the copy you choose, and keeps your library as it was as one more copy, so a restore can be undone here too.</source>
        <translation>Une sauvegarde est une copie de votre bibliothèque. Annotator en fait une chaque jour et chaque semaine, une avant de mettre la bibliothèque à niveau pour une nouvelle version, et une avant chaque restauration ; « Sauvegarder maintenant » en fait une quand vous voulez. Restaurer remplace votre bibliothèque par la copie choisie et conserve votre bibliothèque telle qu’elle était comme une copie de plus, si bien qu’une restauration peut elle aussi être annulée ici.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Selected backup</source>
        <translation>Sauvegarde choisie</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Sauvegarder maintenant (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Restaurer la sauvegarde choisie</translation>
    </message>
    <message>
        <source>Select a backup to restore it.</source>
        <translation>Choisissez une sauvegarde pour la restaurer.</translation>
    </message>
    <message>
        <source>A copy of your library made on {made} ({why}), with {documents} and {annotations}.</source>
        <translation>Une copie de votre bibliothèque faite le {made} ({why}), avec {documents} et {annotations}.</translation>
    </message>
    <message>
        <source>an unknown number of documents</source>
        <translation>un nombre inconnu de documents</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of annotations</source>
        <translation>un nombre inconnu d’annotations</translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup was made: {error}</source>
        <translation>Aucune sauvegarde n’a été faite : {error}</translation>
    </message>
    <message>
        <source>A copy of your library was saved as
{path}</source>
        <translation>Une copie de votre bibliothèque a été enregistrée sous
{path}</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>Replace your library with the copy made on {made} ({why}), with {documents} and {annotations}?

Your library as it is now is kept as another copy (“before a restore”) first.</source>
        <translation>Remplacer votre bibliothèque par la copie faite le {made} ({why}), avec {documents} et {annotations} ?

Votre bibliothèque telle qu’elle est maintenant est d’abord conservée comme une autre copie (« avant une restauration »).</translation>
    </message>
</context>
</TS>
