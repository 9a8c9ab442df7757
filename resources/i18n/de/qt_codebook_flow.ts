<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtCodebookFlow</name>
    <message>
        <source>(top level)</source>
        <extracomment>The longest tag name in-vivo coding makes from a selection (longer selections are cut at a word).</extracomment>
        <translation>(oberste Ebene)</translation>
    </message>
    <message>
        <source>&amp;New tag…</source>
        <translation>&amp;Neuer Tag …</translation>
    </message>
    <message>
        <source>New &amp;child tag…</source>
        <translation>Neuer untergeordneter Tag (&amp;C) …</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Umbenennen (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit tag…</source>
        <translation>Tag b&amp;earbeiten …</translation>
    </message>
    <message>
        <source>&amp;Move under…</source>
        <translation>Verschieben unter (&amp;M) …</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Nach oben (&amp;P)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach unten (&amp;W)</translation>
    </message>
    <message>
        <source>Mer&amp;ge into…</source>
        <translation>Zusammenle&amp;gen mit …</translation>
    </message>
    <message>
        <source>&amp;Delete tag…</source>
        <translation>Tag löschen (&amp;D) …</translation>
    </message>
    <message>
        <source>&amp;Quick pick…</source>
        <translation>Schnellauswahl (&amp;Q) …</translation>
    </message>
    <message>
        <source>New tag from &amp;selection</source>
        <translation>Neuer Tag aus der Au&amp;swahl</translation>
    </message>
    <message>
        <source>Choose a tag in the tag list first.</source>
        <translation>Wählen Sie zuerst einen Tag in der Tag-Liste.</translation>
    </message>
    <message>
        <source>Name of the new tag under “{parent}”:</source>
        <translation>Name des neuen Tags unter „{parent}“:</translation>
    </message>
    <message>
        <source>Name of the new tag:</source>
        <translation>Name des neuen Tags:</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Neuer Tag</translation>
    </message>
    <message>
        <source>Rename {tag} to {name}</source>
        <translation>{tag} in {name} umbenennen</translation>
    </message>
    <message>
        <source>Edit tag {tag}</source>
        <translation>Tag {tag} bearbeiten</translation>
    </message>
    <message>
        <source>Choose the tags to move in the tag list first.</source>
        <translation>Wählen Sie zuerst die zu verschiebenden Tags in der Tag-Liste.</translation>
    </message>
    <message>
        <source>Move under</source>
        <translation>Verschieben unter</translation>
    </message>
    <message>
        <source>Move {tags} under:</source>
        <translation>{tags} verschieben unter:</translation>
    </message>
    <message>
        <source>Move {tag}</source>
        <translation>{tag} verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln tag(s)</source>
        <translation>
            <numerusform>%Ln Tag verschieben</numerusform>
            <numerusform>%Ln Tags verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the tags to merge in the tag list first (Ctrl+click for several).</source>
        <translation>Wählen Sie zuerst die zusammenzulegenden Tags in der Tag-Liste (Strg+Klick für mehrere).</translation>
    </message>
    <message>
        <source>Merge {tags} into:</source>
        <translation>{tags} zusammenlegen mit:</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>Tags zusammenlegen</translation>
    </message>
    <message>
        <source>Merge into {tag}</source>
        <translation>Mit {tag} zusammenlegen</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Move them to another tag…</source>
        <translation>Zu einem anderen Tag verschieben …</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %Ln annotation(s) too</source>
        <translation>
            <numerusform>Die %Ln Annotation ebenfalls löschen</numerusform>
            <numerusform>Die %Ln Annotationen ebenfalls löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{tag}” is used by %Ln annotation(s). What should happen to them?</source>
        <translation>
            <numerusform>„{tag}“ wird von %Ln Annotation verwendet. Was soll mit ihr geschehen?</numerusform>
            <numerusform>„{tag}“ wird von %Ln Annotationen verwendet. Was soll mit ihnen geschehen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>Tag löschen</translation>
    </message>
    <message numerus="yes">
        <source>Move the %Ln annotation(s) of “{tag}” to:</source>
        <translation>
            <numerusform>Die %Ln Annotation von „{tag}“ verschieben nach:</numerusform>
            <numerusform>Die %Ln Annotationen von „{tag}“ verschieben nach:</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete tag {tag}</source>
        <translation>Tag {tag} löschen</translation>
    </message>
    <message>
        <source>&amp;Move to tag…</source>
        <translation>Zu anderem Tag verschieben (&amp;M) …</translation>
    </message>
    <message>
        <source>Move to &amp;new tag…</source>
        <translation>Zu &amp;neuem Tag verschieben …</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to:</source>
        <translation>
            <numerusform>%Ln Annotation verschieben nach:</numerusform>
            <numerusform>%Ln Annotationen verschieben nach:</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to tag</source>
        <translation>Zu Tag verschieben</translation>
    </message>
    <message>
        <source>Two of the selected annotations are of one span: under one tag they would be copies.</source>
        <translation>Zwei der ausgewählten Annotationen gehören zu derselben Textstelle: Unter einem Tag wären sie Kopien.</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to a new tag:</source>
        <translation>
            <numerusform>%Ln Annotation zu einem neuen Tag verschieben:</numerusform>
            <numerusform>%Ln Annotationen zu einem neuen Tag verschieben:</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to new tag</source>
        <translation>Zu neuem Tag verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to the new tag {tag}</source>
        <translation>
            <numerusform>%Ln Annotation zum neuen Tag {tag} verschieben</numerusform>
            <numerusform>%Ln Annotationen zum neuen Tag {tag} verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Select some words first: they become the new tag&apos;s name.</source>
        <translation>Wählen Sie zuerst einige Wörter aus: Sie werden zum Namen des neuen Tags.</translation>
    </message>
    <message>
        <source>There is a tag “{tag}” already: the words are tagged with it.</source>
        <translation>Es gibt bereits einen Tag „{tag}“: Die Wörter werden damit getaggt.</translation>
    </message>
    <message>
        <source>New tag {tag} from the selection</source>
        <translation>Neuer Tag {tag} aus der Auswahl</translation>
    </message>
    <message>
        <source>Tag actions</source>
        <translation>Tag-Aktionen</translation>
    </message>
</context>
<context>
    <name>QtTagDialog</name>
    <message>
        <source>This colour is hard to tell apart from {tags}.</source>
        <translation>Diese Farbe ist schwer zu unterscheiden von {tags}.</translation>
    </message>
    <message>
        <source>Edit tag {tag}</source>
        <translation>Tag {tag} bearbeiten</translation>
    </message>
    <message>
        <source>Edit tag</source>
        <translation>Tag bearbeiten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>&amp;Other colour…</source>
        <translation>Andere Farbe (&amp;O) …</translation>
    </message>
    <message>
        <source>Other colour</source>
        <translation>Andere Farbe</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>Description and coding rules</source>
        <translation>Beschreibung und Codierregeln</translation>
    </message>
    <message>
        <source>Colour warning</source>
        <translation>Farbwarnung</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>Farbe (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>Taste (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>Beschreibung (&amp;D)</translation>
    </message>
    <message>
        <source>Tag colour</source>
        <translation>Tag-Farbe</translation>
    </message>
</context>
</TS>
