<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtCrashDialog</name>
    <message>
        <source>Annotator: something went wrong</source>
        <extracomment>Five files of 1 MB: weeks of a normal log, and never a full disk. The dialog&apos;s first line quotes this much of the error&apos;s message; the details have all of it.</extracomment>
        <translation>Annotator: Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Annotator ran into an unexpected error:
{error}</source>
        <translation>Annotator ist auf einen unerwarteten Fehler gestoßen:
{error}</translation>
    </message>
    <message>
        <source>The details are in the log:
{path}</source>
        <translation>Die Einzelheiten stehen im Protokoll:
{path}</translation>
    </message>
    <message>
        <source>The log could not be written.</source>
        <translation>Das Protokoll konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Nothing you saved is lost: every change is saved the moment you make it. What you were doing last may not have happened; check it, then carry on or restart Annotator.

{where}</source>
        <translation>Nichts Gespeichertes ist verloren: Jede Änderung wird gespeichert, sobald Sie sie vornehmen. Was Sie zuletzt getan haben, ist vielleicht nicht geschehen; prüfen Sie es, dann arbeiten Sie weiter oder starten Annotator neu.

{where}</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Protoko&amp;llordner öffnen</translation>
    </message>
</context>
</TS>
