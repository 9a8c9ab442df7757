<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtReviseFlow</name>
    <message>
        <source>New version of “{title}”</source>
        <translation>Nouvelle version de « {title} »</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>Version {version} of the old text is kept.

Unchanged: {unchanged}
Moved: {moved}
To review (⚠): {fuzzy}
Orphaned: {orphaned}</source>
        <translation>La version {version} de l’ancien texte est conservée.

Inchangées : {unchanged}
Déplacées : {moved}
À vérifier (⚠) : {fuzzy}
Orphelines : {orphaned}</translation>
    </message>
    <message>
        <source>New version saved</source>
        <translation>Nouvelle version enregistrée</translation>
    </message>
</context>
</TS>
