<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>CleanPage</name>
        <message numerus="yes">
            <source>%n program(s) did not close: %1. The files are left alone; the rest will be cleaned.</source>
            <translation>
                <numerusform>%1 did not close. Its files are left alone; the rest will be cleaned.</numerusform>
                <numerusform>%1 did not close. Their files are left alone; the rest will be cleaned.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln file(s)</source>
            <translation>
                <numerusform>%1: %Ln file</numerusform>
                <numerusform>%1: %Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln record(s) in the browsers' databases, removed as rows (no files to list).</source>
            <translation>
                <numerusform>%1: %Ln record in the browsers' databases, removed as rows (no files to list).</numerusform>
                <numerusform>%1: %Ln records in the browsers' databases, removed as rows (no files to list).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FinderTab</name>
        <message numerus="yes">
            <source>Left alone: %Ln item(s), and why</source>
            <translation>
                <numerusform>Left alone: %Ln item, and why</numerusform>
                <numerusform>Left alone: %Ln items, and why</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message numerus="yes">
            <source>Found %1 in %Ln file(s).</source>
            <translation>
                <numerusform>Found %1 in %Ln file.</numerusform>
                <numerusform>Found %1 in %Ln files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved %Ln file(s) (%1) to the trash.</source>
            <translation>
                <numerusform>Moved %Ln file (%1) to the trash.</numerusform>
                <numerusform>Moved %Ln files (%1) to the trash.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Freed %1 by removing %Ln file(s).</source>
            <translation>
                <numerusform>Freed %1 by removing %Ln file.</numerusform>
                <numerusform>Freed %1 by removing %Ln files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found %1 in %Ln browser record(s).</source>
            <translation>
                <numerusform>Found %1 in %Ln browser record.</numerusform>
                <numerusform>Found %1 in %Ln browser records.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s).</source>
            <translation>
                <numerusform>Removed %Ln browser record.</numerusform>
                <numerusform>Removed %Ln browser records.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s).</source>
            <translation>
                <numerusform>Also %Ln browser record.</numerusform>
                <numerusform>Also %Ln browser records.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln browser record(s)</source>
            <translation>
                <numerusform>%Ln browser record</numerusform>
                <numerusform>%Ln browser records</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s)</source>
            <translation>
                <numerusform>%Ln file</numerusform>
                <numerusform>%Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Left alone: %Ln item(s), and why:</source>
            <translation>
                <numerusform>Left alone: %Ln item, and why:</numerusform>
                <numerusform>Left alone: %Ln items, and why:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) put back where they were.</source>
            <translation>
                <numerusform>%Ln file put back where it was.</numerusform>
                <numerusform>%Ln files put back where they were.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) left in the trash because a file is at their place again: %1</source>
            <translation>
                <numerusform>%Ln file left in the trash because a file is at its place again: %1</numerusform>
                <numerusform>%Ln files left in the trash because a file is at their place again: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) were no longer in the trash.</source>
            <translation>
                <numerusform>%Ln file was no longer in the trash.</numerusform>
                <numerusform>%Ln files were no longer in the trash.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) were not put back, to be safe: %1</source>
            <translation>
                <numerusform>%Ln file was not put back, to be safe: %1</numerusform>
                <numerusform>%Ln files were not put back, to be safe: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) put back</source>
            <translation>
                <numerusform>%Ln file put back</numerusform>
                <numerusform>%Ln files put back</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln record</numerusform>
                <numerusform>%Ln records</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message numerus="yes">
            <source>Removes the safe caches of %n item(s) in one go, with every safety check; programs that are running are left alone.</source>
            <translation>
                <numerusform>Removes the safe caches of %n item in one go, with every safety check; programs that are running are left alone.</numerusform>
                <numerusform>Removes the safe caches of %n items in one go, with every safety check; programs that are running are left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found in %Ln file(s) by the scan of %1.</source>
            <translation>
                <numerusform>Found in %Ln file by the scan of %1.</numerusform>
                <numerusform>Found in %Ln files by the scan of %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln item left alone.</numerusform>
                <numerusform>%Ln items left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s).</source>
            <translation>
                <numerusform>Also %Ln browser record.</numerusform>
                <numerusform>Also %Ln browser records.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ready to remove %Ln browser record(s), about %1</source>
            <translation>
                <numerusform>Ready to remove %Ln browser record, about %1</numerusform>
                <numerusform>Ready to remove %Ln browser records, about %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unticked file(s) stay where they are.</source>
            <translation>
                <numerusform>%Ln unticked file stays where it is.</numerusform>
                <numerusform>%Ln unticked files stay where they are.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved to the trash %1: %Ln file(s)</source>
            <translation>
                <numerusform>Moved to the trash %1: %Ln file</numerusform>
                <numerusform>Moved to the trash %1: %Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Freed %1: %Ln file(s) removed</source>
            <translation>
                <numerusform>Freed %1: %Ln file removed</numerusform>
                <numerusform>Freed %1: %Ln files removed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) left alone; see “Left alone” for the reasons.</source>
            <translation>
                <numerusform>%Ln item was left alone; see “Left alone” for the reason.</numerusform>
                <numerusform>%Ln items were left alone; see “Left alone” for the reasons.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s) removed.</source>
            <translation>
                <numerusform>Also %Ln browser record removed.</numerusform>
                <numerusform>Also %Ln browser records removed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning cancelled: %Ln browser record(s) removed before stopping</source>
            <translation>
                <numerusform>Cleaning cancelled: %Ln browser record removed before stopping</numerusform>
                <numerusform>Cleaning cancelled: %Ln browser records removed before stopping</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s); the databases as they were are in the trash</source>
            <translation>
                <numerusform>Removed %Ln browser record; the databases as they were are in the trash</numerusform>
                <numerusform>Removed %Ln browser records; the databases as they were are in the trash</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan finished: %1 in %Ln file(s).</source>
            <translation>
                <numerusform>Scan finished: %1 in %Ln file.</numerusform>
                <numerusform>Scan finished: %1 in %Ln files.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ready to free %1 in %Ln file(s)</source>
            <translation>
                <numerusform>Ready to free %1 in %Ln file</numerusform>
                <numerusform>Ready to free %1 in %Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s), freed %1</source>
            <translation>
                <numerusform>Removed %Ln browser record, freed %1</numerusform>
                <numerusform>Removed %Ln browser records, freed %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scanning: %Ln file(s), %1</source>
            <translation>
                <numerusform>Scanning: %Ln file, %1</numerusform>
                <numerusform>Scanning: %Ln files, %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning: %Ln file(s) removed, %1 freed</source>
            <translation>
                <numerusform>Cleaning: %Ln file removed, %1 freed</numerusform>
                <numerusform>Cleaning: %Ln files removed, %1 freed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan cancelled: %1 in %Ln file(s) found so far</source>
            <translation>
                <numerusform>Scan cancelled: %1 in %Ln file found so far</numerusform>
                <numerusform>Scan cancelled: %1 in %Ln files found so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning cancelled: %Ln file(s) removed (%1) before stopping</source>
            <translation>
                <numerusform>Cleaning cancelled: %Ln file removed (%1) before stopping</numerusform>
                <numerusform>Cleaning cancelled: %Ln files removed (%1) before stopping</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MapTab</name>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln item left alone.</numerusform>
                <numerusform>%Ln items left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>…and %Ln more.</source>
            <translation>
                <numerusform>…and %Ln more.</numerusform>
                <numerusform>…and %Ln more.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 in %Ln file(s)</source>
            <translation>
                <numerusform>%1 in %Ln file</numerusform>
                <numerusform>%1 in %Ln files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PrivacyPanel</name>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Kept for %n day(s).</source>
            <translation>
                <numerusform>Kept for %n day.</numerusform>
                <numerusform>Kept for %n days.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TracesPage</name>
        <message numerus="yes">
            <source>%Ln record(s) found in the browsers.</source>
            <translation>
                <numerusform>%Ln record found in the browsers.</numerusform>
                <numerusform>%Ln records found in the browsers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n browser(s) did not close: %1. Their traces are left alone.</source>
            <translation>
                <numerusform>%1 did not close. Its traces are left alone.</numerusform>
                <numerusform>%1 did not close. Their traces are left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n browser(s) running: %1. Their traces cannot be counted or cleaned while they run: close them (unsaved work in them may be lost) or leave them be.</source>
            <translation>
                <numerusform>%1 is running. Its traces cannot be counted or cleaned while it runs: close it (unsaved work in it may be lost) or leave it be.</numerusform>
                <numerusform>These browsers are running: %1. Their traces cannot be counted or cleaned while they run: close them (unsaved work in them may be lost) or leave them be.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln database(s) left alone:</source>
            <translation>
                <numerusform>%Ln database left alone:</numerusform>
                <numerusform>%Ln databases left alone:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TreemapWidget</name>
        <message numerus="yes">
            <source>%Ln file(s)</source>
            <translation>
                <numerusform>%Ln file</numerusform>
                <numerusform>%Ln files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln smaller folder(s) in %1</source>
            <translation>
                <numerusform>%Ln smaller folder in %1</numerusform>
                <numerusform>%Ln smaller folders in %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln more</source>
            <translation>
                <numerusform>%Ln more</numerusform>
                <numerusform>%Ln more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>confirm</name>
        <message numerus="yes">
            <source>The files of the %n running program(s) cannot be cleaned while they run: skip them and clean the rest, or close the program(s) (asked to quit politely; unsaved work may be lost) and clean everything.</source>
            <translation>
                <numerusform>Its files cannot be cleaned while it runs. Skip them and clean the rest, or close it (it is asked to quit politely; unsaved work may be lost) and clean everything.</numerusform>
                <numerusform>Their files cannot be cleaned while they run. Skip them and clean the rest, or close them (they are asked to quit politely; unsaved work may be lost) and clean everything.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %Ln file(s) (%1) to the trash?</source>
            <translation>
                <numerusform>Move %Ln file (%1) to the trash?</numerusform>
                <numerusform>Move %Ln files (%1) to the trash?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %Ln file(s) (%1) permanently?</source>
            <translation>
                <numerusform>Delete %Ln file (%1) permanently?</numerusform>
                <numerusform>Delete %Ln files (%1) permanently?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) you unticked stay.</source>
            <translation>
                <numerusform>%Ln file you unticked stays.</numerusform>
                <numerusform>%Ln files you unticked stay.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move “%1” (%Ln file(s), %2) to the trash?</source>
            <translation>
                <numerusform>Move “%1” (%Ln file, %2) to the trash?</numerusform>
                <numerusform>Move “%1” (%Ln files, %2) to the trash?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete “%1” (%Ln file(s), %2) permanently?</source>
            <translation>
                <numerusform>Delete “%1” (%Ln file, %2) permanently?</numerusform>
                <numerusform>Delete “%1” (%Ln files, %2) permanently?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move the %Ln file(s) (%1) in “%2” to the trash?</source>
            <translation>
                <numerusform>Move the %Ln file (%1) in “%2” to the trash?</numerusform>
                <numerusform>Move the %Ln files (%1) in “%2” to the trash?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) you unticked stay.</source>
            <translation>
                <numerusform>%Ln item you unticked stay.</numerusform>
                <numerusform>%Ln items you unticked stay.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Remove %Ln browser record(s) from %1?</source>
            <translation>
                <numerusform>Remove %Ln browser record from %1?</numerusform>
                <numerusform>Remove %Ln browser records from %1?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n program(s) running: %1.</source>
            <translation>
                <numerusform>%1 is running.</numerusform>
                <numerusform>These programs are running: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s) from %1.</source>
            <translation>
                <numerusform>Also %Ln browser record from %1.</numerusform>
                <numerusform>Also %Ln browser records from %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>models</name>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln record</numerusform>
                <numerusform>%Ln records</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FolderList</name>
        <message numerus="yes">
            <source>%Ln file(s) directly in this folder</source>
            <translation>
                <numerusform>%Ln file directly in this folder</numerusform>
                <numerusform>%Ln files directly in this folder</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DiskUsage</name>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln day</numerusform>
                <numerusform>%Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>An installer or disk image in Downloads, older than %Ln days.</source>
            <translation>
                <numerusform>An installer or disk image in Downloads, older than %Ln day.</numerusform>
                <numerusform>An installer or disk image in Downloads, older than %Ln days.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Search cancelled: %Ln item(s) found so far</source>
            <translation>
                <numerusform>Search cancelled: %Ln item found so far</numerusform>
                <numerusform>Search cancelled: %Ln items found so far</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scanning: %Ln file(s), %1</source>
            <translation>
                <numerusform>Scanning: %Ln file, %1</numerusform>
                <numerusform>Scanning: %Ln files, %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Searching: %Ln file(s) looked at, %1 found</source>
            <translation>
                <numerusform>Searching: %Ln file looked at, %1 found</numerusform>
                <numerusform>Searching: %Ln files looked at, %1 found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Build output the projects in %1 can make again (node_modules, target, .venv, __pycache__…), per project. Projects changed in the last %Ln days are not ticked.</source>
            <translation>
                <numerusform>Build output the projects in %1 can make again (node_modules, target, .venv, __pycache__…), per project. Projects changed in the last %Ln day are not ticked.</numerusform>
                <numerusform>Build output the projects in %1 can make again (node_modules, target, .venv, __pycache__…), per project. Projects changed in the last %Ln days are not ticked.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Project changed in the last %Ln days</source>
            <translation>
                <numerusform>Project changed in the last %Ln day</numerusform>
                <numerusform>Project changed in the last %Ln days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Its project changed in the last %Ln days: it may be in use.</source>
            <translation>
                <numerusform>Its project changed in the last %Ln day: it may be in use.</numerusform>
                <numerusform>Its project changed in the last %Ln days: it may be in use.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) found</source>
            <translation>
                <numerusform>%Ln item found</numerusform>
                <numerusform>%Ln items found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ticked: %Ln item(s), %1.</source>
            <translation>
                <numerusform>Ticked: %Ln item, %1.</numerusform>
                <numerusform>Ticked: %Ln items, %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln folder(s) could not be read (hover here for the list).</source>
            <translation>
                <numerusform>%Ln folder could not be read (hover here for the list).</numerusform>
                <numerusform>%Ln folders could not be read (hover here for the list).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removing: %Ln file(s) done, %1</source>
            <translation>
                <numerusform>Removing: %Ln file done, %1</numerusform>
                <numerusform>Removing: %Ln files done, %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %Ln files that take the most space in %1. They are your own files: they go to the trash, where you can put them back from.</source>
            <translation>
                <numerusform>The file that takes the most space in %1. It is your own file: it goes to the trash, where you can put it back from.</numerusform>
                <numerusform>The %Ln files that take the most space in %1. They are your own files: they go to the trash, where you can put them back from.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TracesModel</name>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln record</numerusform>
                <numerusform>%Ln records</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found in %Ln database(s) of its profiles.</source>
            <translation>
                <numerusform>Found in %Ln database of its profiles.</numerusform>
                <numerusform>Found in %Ln databases of its profiles.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>traces</name>
        <message numerus="yes">
            <source>Cookies of the %Ln domain(s) on your keep-list stay, so you stay signed in to them: %1.</source>
            <translation>
                <numerusform>Cookies of the %Ln domain on your keep-list stay, so you stay signed in to them: %1.</numerusform>
                <numerusform>Cookies of the %Ln domains on your keep-list stay, so you stay signed in to them: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 and %Ln more</source>
            <translation>
                <numerusform>%1 and %Ln more</numerusform>
                <numerusform>%1 and %Ln more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>tray</name>
        <message numerus="yes">
            <source>Quick clean stopped: %1 moved to the trash (%Ln file(s)).</source>
            <translation>
                <numerusform>Quick clean stopped: %1 moved to the trash (%Ln file).</numerusform>
                <numerusform>Quick clean stopped: %1 moved to the trash (%Ln files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean stopped: %1 freed (%Ln file(s)).</source>
            <translation>
                <numerusform>Quick clean stopped: %1 freed (%Ln file).</numerusform>
                <numerusform>Quick clean stopped: %1 freed (%Ln files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean moved %1 to the trash (%Ln file(s)).</source>
            <translation>
                <numerusform>Quick clean moved %1 to the trash (%Ln file).</numerusform>
                <numerusform>Quick clean moved %1 to the trash (%Ln files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln item was left alone.</numerusform>
                <numerusform>%Ln items were left alone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean freed %1 (%Ln file(s)).</source>
            <translation>
                <numerusform>Quick clean freed %1 (%Ln file).</numerusform>
                <numerusform>Quick clean freed %1 (%Ln files).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean: %1 of %Ln file(s)</source>
            <translation>
                <numerusform>Quick clean: %1 of %Ln file</numerusform>
                <numerusform>Quick clean: %1 of %Ln files</numerusform>
            </translation>
        </message>
    </context>
</TS>
