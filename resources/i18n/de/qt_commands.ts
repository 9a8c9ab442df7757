<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CreateAnnotationCommand</name>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tag as {tag}</source>
        <translation>Als {tag} taggen</translation>
    </message>
    <message>
        <source>Tag “{quote}”</source>
        <translation>„{quote}“ taggen</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>DeleteAnnotationCommand</name>
    <message>
        <source>Delete “{quote}”</source>
        <translation>„{quote}“ löschen</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>DeleteDocumentCommand</name>
    <message>
        <source>Delete document “{title}”</source>
        <translation>Dokument „{title}“ löschen</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Undone; “{title}” has the same text (imported meanwhile): both are kept</source>
        <translation>Rückgängig gemacht; „{title}“ hat denselben Text (inzwischen importiert): beide bleiben erhalten</translation>
    </message>
</context>
<context>
    <name>UpdateAnnotationCommand</name>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Change tag to {tag}</source>
        <translation>Tag in {tag} ändern</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>UpdateDocumentCommand</name>
    <message>
        <source>Rename to “{title}”</source>
        <translation>In „{title}“ umbenennen</translation>
    </message>
    <message>
        <source>Edit document memo</source>
        <translation>Dokumentmemo bearbeiten</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
</TS>
