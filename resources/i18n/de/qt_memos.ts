<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtJournalDialog</name>
    <message>
        <source>(untitled)</source>
        <extracomment>The file name Export memos offers (a name, not translated).</extracomment>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Project journal</source>
        <translation>Projektjournal</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Journaleinträge</translation>
    </message>
    <message>
        <source>Entry title</source>
        <translation>Titel des Eintrags</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Text des Eintrags</translation>
    </message>
    <message>
        <source>What you did, noticed or decided today; Ctrl+Enter saves</source>
        <translation>Was Sie heute getan, bemerkt oder entschieden haben; Strg+Eingabe speichert</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Neuer Eintrag</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Löschen (&amp;D)</translation>
    </message>
    <message>
        <source>Delete journal entry</source>
        <translation>Journaleintrag löschen</translation>
    </message>
    <message>
        <source>Delete the journal entry “{title}”?</source>
        <translation>Den Journaleintrag „{title}“ löschen?</translation>
    </message>
</context>
<context>
    <name>QtMemoFlow</name>
    <message>
        <source>&amp;Memos</source>
        <translation>&amp;Memos</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Tag {tag}: its description is its coding rules, kept with the tag.</source>
        <translation>Tag {tag}: Seine Beschreibung sind seine Kodierregeln, beim Tag gespeichert.</translation>
    </message>
</context>
<context>
    <name>QtMemosDialog</name>
    <message>
        <source>Journal</source>
        <extracomment>The memo kinds as the Memos view shows them (translated when shown).</extracomment>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memos</translation>
    </message>
    <message>
        <source>Filter memos</source>
        <translation>Memos filtern</translation>
    </message>
    <message>
        <source>Every memo with its place</source>
        <translation>Alle Memos mit ihrem Ort</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>&amp;Export memos…</source>
        <translation>Memos &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export memos</source>
        <translation>Memos exportieren</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>The memos were not exported: {error}</source>
        <translation>Die Memos wurden nicht exportiert: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln memo(s) to {path}</source>
        <translation>
            <numerusform>%Ln Memo nach {path} exportiert</numerusform>
            <numerusform>%Ln Memos nach {path} exportiert</numerusform>
        </translation>
    </message>
</context>
</TS>
