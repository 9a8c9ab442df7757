<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtLibrarySession</name>
    <message>
        <source>the document was deleted in another program since it was shown here; nothing was saved</source>
        <extracomment>What a use case returns: :class:`Changes`, or a result that carries them as ``changes``. Library state: the document open when the library was last left. Why an edit was refused when the document itself went away meanwhile.</extracomment>
        <translation>le document a été supprimé dans un autre programme depuis son affichage ici ; rien n’a été enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <extracomment>The name stamped as ``coder`` on what this window annotates (the window asks for it once). The user&apos;s coder name as it stands, never asking for it (what blind coding shows). The library is coded blind: the window shows only the user&apos;s own annotations.</extracomment>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>the tag &apos;{name}&apos; was deleted by another program</source>
        <translation>l&apos;étiquette « {name} » a été supprimée par un autre programme</translation>
    </message>
    <message>
        <source>what is stored now cannot be shown: {error}</source>
        <translation>ce qui est enregistré maintenant ne peut pas être affiché : {error}</translation>
    </message>
    <message>
        <source>This text is already tagged {tag}.</source>
        <translation>Ce texte est déjà étiqueté {tag}.</translation>
    </message>
    <message>
        <source>This text is already tagged so.</source>
        <translation>Ce texte est déjà étiqueté ainsi.</translation>
    </message>
    <message numerus="yes">
        <source>Change the tag of %Ln annotation(s) to {tag}</source>
        <translation>
            <numerusform>Changer l’étiquette de %Ln annotation en {tag}</numerusform>
            <numerusform>Changer l’étiquette de %Ln annotations en {tag}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the tag of %Ln annotation(s)</source>
        <translation>
            <numerusform>Changer l’étiquette de %Ln annotation</numerusform>
            <numerusform>Changer l’étiquette de %Ln annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Change the tag to {tag}</source>
        <translation>Changer l’étiquette en {tag}</translation>
    </message>
    <message>
        <source>Change the tag</source>
        <translation>Changer l’étiquette</translation>
    </message>
    <message>
        <source>Saved the new version</source>
        <translation>Nouvelle version enregistrée</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln annotation(s)</source>
        <translation>
            <numerusform>Supprimer %Ln annotation</numerusform>
            <numerusform>Supprimer %Ln annotations</numerusform>
        </translation>
    </message>
</context>
</TS>
