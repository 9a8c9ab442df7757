<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtOrphanPanel</name>
    <message>
        <source>Orphaned by a revision</source>
        <translation>Durch eine Überarbeitung verwaist</translation>
    </message>
    <message>
        <source>Orphaned annotations</source>
        <extracomment>Whether an orphan by this coder is listed (whose annotations the window shows).</extracomment>
        <translation>Verwaiste Annotationen</translation>
    </message>
    <message>
        <source>These annotations found no place in the new text. Select one, select its text in the document, then Re-attach.</source>
        <translation>Diese Annotationen fanden im neuen Text keinen Platz. Wählen Sie eine aus, markieren Sie ihren Text im Dokument und klicken Sie dann auf „Wieder anheften“.</translation>
    </message>
    <message>
        <source>Re-attach to selected text</source>
        <translation>An markierten Text wieder anheften</translation>
    </message>
    <message>
        <source>{tag}: “{quote}”</source>
        <translation>{tag}: „{quote}“</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Notiz: {note}</translation>
    </message>
    <message>
        <source>Select an orphan in the list and its new text in the document.</source>
        <translation>Wählen Sie eine verwaiste Annotation in der Liste und ihren neuen Text im Dokument.</translation>
    </message>
</context>
</TS>
