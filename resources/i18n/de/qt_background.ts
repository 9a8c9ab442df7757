<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtBackgroundTask</name>
    <message>
        <source>Cancel</source>
        <extracomment>How often the dialog shows the worker&apos;s progress and looks whether it has finished. How often (seconds) a :class:`QtWorker` reports progress: live, without a signal per document.</extracomment>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel {task}</source>
        <translation>{task} abbrechen</translation>
    </message>
</context>
<context>
    <name>QtWorker</name>
    <message>
        <source>it failed: {error}</source>
        <translation>fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>it failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
</TS>
