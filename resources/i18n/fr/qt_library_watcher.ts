<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtLibraryWatcher</name>
    <message>
        <source>Library connection</source>
        <extracomment>How often the library is asked whether anything was committed (SQLite&apos;s data_version, PostgreSQL&apos;s notifications). How much of why the library cannot be reached the status bar shows (all of it on hover). Shown in the status bar while the library cannot be reached.</extracomment>
        <translation>Connexion à la bibliothèque</translation>
    </message>
    <message>
        <source>Library file damaged</source>
        <extracomment>Shown in the status bar once the check of the library file in the background found damage.</extracomment>
        <translation>Fichier de bibliothèque endommagé</translation>
    </message>
    <message>
        <source>Changes made by other programs will not show until reopened: {error}</source>
        <translation>Les modifications faites par d’autres programmes n’apparaîtront qu’à la réouverture : {error}</translation>
    </message>
    <message>
        <source>Connected to the library again; showing what changed meanwhile.</source>
        <translation>De nouveau connecté à la bibliothèque ; affichage de ce qui a changé entre-temps.</translation>
    </message>
    <message>
        <source>Connected to the library again.</source>
        <translation>De nouveau connecté à la bibliothèque.</translation>
    </message>
    <message>
        <source>Updated with changes made in another window or program.</source>
        <translation>Mis à jour avec les modifications faites dans une autre fenêtre ou un autre programme.</translation>
    </message>
    <message>
        <source>The library file is damaged: nothing can be saved (File › Backups…)</source>
        <translation>Le fichier de bibliothèque est endommagé : rien ne peut être enregistré (Fichier › Sauvegardes…)</translation>
    </message>
    <message>
        <source>The library file is damaged</source>
        <translation>Le fichier de bibliothèque est endommagé</translation>
    </message>
    <message>
        <source>Annotator checked the library file and found it damaged. What it shows can still be read and exported, but nothing can be saved in it. File › Backups… restores a good copy.

{details}</source>
        <translation>Annotator a vérifié le fichier de bibliothèque et l’a trouvé endommagé. Ce qui est affiché peut encore être lu et exporté, mais rien ne peut y être enregistré. Fichier › Sauvegardes… restaure une bonne copie.

{details}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <source>Cannot reach the library: {reason}; retrying</source>
        <translation>Bibliothèque injoignable : {reason} ; nouvelle tentative</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>This library is on a database server; back it up with the server&apos;s tools (pg_dump).</source>
        <translation>Cette bibliothèque est sur un serveur de base de données ; sauvegardez-la avec les outils du serveur (pg_dump).</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <source>The library was left as it was: {error}</source>
        <translation>La bibliothèque est restée telle quelle : {error}</translation>
    </message>
    <message>
        <source>Restored the backup {name}</source>
        <translation>Sauvegarde {name} restaurée</translation>
    </message>
</context>
</TS>
