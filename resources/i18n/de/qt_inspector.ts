<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtInspector</name>
    <message>
        <source>Inspector</source>
        <extracomment>How much of another program&apos;s note the inspector quotes when it differs from the one being typed.</extracomment>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>The selected annotation: its tag, quote, place and memo</source>
        <translation>Die ausgewählte Annotation: ihr Tag, Zitat, ihre Stelle und ihr Memo</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Write a memo; Ctrl+Enter saves it, Esc undoes the typing</source>
        <translation>Ein Memo schreiben; Strg+Eingabe speichert es, Esc macht das Getippte rückgängig</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Note changed elsewhere</source>
        <translation>Anderswo geänderte Notiz</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <source>&amp;Memo</source>
        <translation>&amp;Memo</translation>
    </message>
    <message>
        <source>Select an annotation to see it here.</source>
        <translation>Wählen Sie eine Annotation, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>characters {start}–{end} · by {coder}</source>
        <translation>Zeichen {start}–{end} · von {coder}</translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>Zeichen {start}–{end}</translation>
    </message>
    <message>
        <source>Changed in another program while you typed; it now reads “{note}”.</source>
        <translation>Während Sie tippten, in einem anderen Programm geändert; sie lautet jetzt „{note}“.</translation>
    </message>
    <message>
        <source>Removed in another program while you typed.</source>
        <translation>Während Sie tippten, in einem anderen Programm entfernt.</translation>
    </message>
    <message>
        <source>Press Ctrl+Enter to save yours instead.</source>
        <translation>Drücken Sie Strg+Eingabe, um stattdessen Ihre zu speichern.</translation>
    </message>
</context>
</TS>
