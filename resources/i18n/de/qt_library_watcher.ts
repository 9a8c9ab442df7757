<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtLibraryWatcher</name>
    <message>
        <source>Library connection</source>
        <extracomment>How often the library is asked whether anything was committed (SQLite&apos;s data_version, PostgreSQL&apos;s notifications). How much of why the library cannot be reached the status bar shows (all of it on hover). Shown in the status bar while the library cannot be reached.</extracomment>
        <translation>Verbindung zur Bibliothek</translation>
    </message>
    <message>
        <source>Library file damaged</source>
        <extracomment>Shown in the status bar once the check of the library file in the background found damage.</extracomment>
        <translation>Bibliotheksdatei beschädigt</translation>
    </message>
    <message>
        <source>Changes made by other programs will not show until reopened: {error}</source>
        <translation>Änderungen anderer Programme erscheinen erst nach erneutem Öffnen: {error}</translation>
    </message>
    <message>
        <source>Connected to the library again; showing what changed meanwhile.</source>
        <translation>Wieder mit der Bibliothek verbunden; zeige, was sich inzwischen geändert hat.</translation>
    </message>
    <message>
        <source>Connected to the library again.</source>
        <translation>Wieder mit der Bibliothek verbunden.</translation>
    </message>
    <message>
        <source>Updated with changes made in another window or program.</source>
        <translation>Mit Änderungen aus einem anderen Fenster oder Programm aktualisiert.</translation>
    </message>
    <message>
        <source>The library file is damaged: nothing can be saved (File › Backups…)</source>
        <translation>Die Bibliotheksdatei ist beschädigt: nichts kann gespeichert werden (Datei › Backups …)</translation>
    </message>
    <message>
        <source>The library file is damaged</source>
        <translation>Die Bibliotheksdatei ist beschädigt</translation>
    </message>
    <message>
        <source>Annotator checked the library file and found it damaged. What it shows can still be read and exported, but nothing can be saved in it. File › Backups… restores a good copy.

{details}</source>
        <translation>Annotator hat die Bibliotheksdatei geprüft und sie beschädigt vorgefunden. Was angezeigt wird, lässt sich weiter lesen und exportieren, aber nichts kann darin gespeichert werden. Datei › Backups … stellt eine gute Kopie wieder her.

{details}</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Cannot reach the library: {reason}; retrying</source>
        <translation>Bibliothek nicht erreichbar: {reason}; neuer Versuch läuft</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>This library is on a database server; back it up with the server&apos;s tools (pg_dump).</source>
        <translation>Diese Bibliothek liegt auf einem Datenbankserver; sichern Sie sie mit den Werkzeugen des Servers (pg_dump).</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>Wiederherstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The library was left as it was: {error}</source>
        <translation>Die Bibliothek blieb unverändert: {error}</translation>
    </message>
    <message>
        <source>Restored the backup {name}</source>
        <translation>Sicherung {name} wiederhergestellt</translation>
    </message>
</context>
</TS>
