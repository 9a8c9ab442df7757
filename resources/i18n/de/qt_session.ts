<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtLibrarySession</name>
    <message>
        <source>the document was deleted in another program since it was shown here; nothing was saved</source>
        <extracomment>What a use case returns: :class:`Changes`, or a result that carries them as ``changes``. Library state: the document open when the library was last left. Why an edit was refused when the document itself went away meanwhile.</extracomment>
        <translation>das Dokument wurde in einem anderen Programm gelöscht, seit es hier angezeigt wurde; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>Saved</source>
        <extracomment>The name stamped as ``coder`` on what this window annotates (the window asks for it once). The user&apos;s coder name as it stands, never asking for it (what blind coding shows). The library is coded blind: the window shows only the user&apos;s own annotations.</extracomment>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>the tag &apos;{name}&apos; was deleted by another program</source>
        <translation>der Tag „{name}“ wurde von einem anderen Programm gelöscht</translation>
    </message>
    <message>
        <source>what is stored now cannot be shown: {error}</source>
        <translation>was jetzt gespeichert ist, kann nicht angezeigt werden: {error}</translation>
    </message>
    <message>
        <source>This text is already tagged {tag}.</source>
        <translation>Dieser Text ist bereits als {tag} getaggt.</translation>
    </message>
    <message>
        <source>This text is already tagged so.</source>
        <translation>Dieser Text ist bereits so getaggt.</translation>
    </message>
    <message numerus="yes">
        <source>Change the tag of %Ln annotation(s) to {tag}</source>
        <translation>
            <numerusform>Tag von %Ln Annotation in {tag} ändern</numerusform>
            <numerusform>Tag von %Ln Annotationen in {tag} ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the tag of %Ln annotation(s)</source>
        <translation>
            <numerusform>Tag von %Ln Annotation ändern</numerusform>
            <numerusform>Tag von %Ln Annotationen ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the tag to {tag}</source>
        <translation>Tag in {tag} ändern</translation>
    </message>
    <message>
        <source>Change the tag</source>
        <translation>Tag ändern</translation>
    </message>
    <message>
        <source>Saved the new version</source>
        <translation>Neue Fassung gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln Annotation löschen</numerusform>
            <numerusform>%Ln Annotationen löschen</numerusform>
        </translation>
    </message>
</context>
</TS>
