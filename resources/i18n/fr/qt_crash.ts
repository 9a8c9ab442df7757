<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtCrashDialog</name>
    <message>
        <source>Annotator: something went wrong</source>
        <extracomment>Five files of 1 MB: weeks of a normal log, and never a full disk. The dialog&apos;s first line quotes this much of the error&apos;s message; the details have all of it.</extracomment>
        <translation>Annotator : un problème est survenu</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Annotator ran into an unexpected error:
{error}</source>
        <translation>Annotator a rencontré une erreur inattendue :
{error}</translation>
    </message>
    <message>
        <source>The details are in the log:
{path}</source>
        <translation>Les détails sont dans le journal :
{path}</translation>
    </message>
    <message>
        <source>The log could not be written.</source>
        <translation>Le journal n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>Nothing you saved is lost: every change is saved the moment you make it. What you were doing last may not have happened; check it, then carry on or restart Annotator.

{where}</source>
        <translation>Rien de ce que vous avez enregistré n’est perdu : chaque modification est enregistrée dès que vous la faites. Votre dernière action n’a peut-être pas eu lieu ; vérifiez-la, puis continuez ou redémarrez Annotator.

{where}</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier du journa&amp;l</translation>
    </message>
</context>
</TS>
