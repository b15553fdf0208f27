Unicode true

####
## Cartera's Windows installer. `make installer` builds it through
## `wails build -platform windows/amd64 -nsis`, which regenerates
## "wails_tools.nsh" from wails.json and runs makensis on this file.
##
## - Installs for the current user without administrator rights
##   ($LOCALAPPDATA\Programs\Cartera, HKCU), or for every user when the
##   installer is run as administrator ($PROGRAMFILES64\Cartera, HKLM).
## - Start-menu entry; desktop shortcut optional (a component, ticked).
## - Associates .cartera files ("Cartera de cobranza") with the program.
## - Bootstraps the WebView2 runtime when it is missing.
## - The uninstaller removes the program's own files only: portfolios,
##   their backups and the settings are never touched.
##
## The version comes from "release.nsh", written at build time by
## scripts/release (see the Makefile); without it, wails.json's
## productVersion is used.
####
!include /NONFATAL "release.nsh"

!define INFO_PRODUCTNAME        "Cartera"
!define INFO_COMPANYNAME        "Cartera"
!define PRODUCT_EXECUTABLE      "cartera.exe"
!define UNINST_KEY_NAME         "Cartera"
# No UAC prompt: a per-user install needs none; an administrator who wants a
# per-machine install runs the installer "as administrator".
!define REQUEST_EXECUTION_LEVEL "user"

!include "wails_tools.nsh"
!include "LogicLib.nsh"

!ifndef CARTERA_VERSION_NUMERIC
  !define CARTERA_VERSION_NUMERIC "${INFO_PRODUCTVERSION}.0"
!endif
!ifndef CARTERA_INSTALLER
  !define CARTERA_INSTALLER "Cartera-${INFO_PRODUCTVERSION}-setup.exe"
!endif
!define FILE_CLASS "Cartera.Portfolio"

# Four numbers, as Windows requires; the text fields carry the full version.
VIProductVersion "${CARTERA_VERSION_NUMERIC}"
VIFileVersion    "${CARTERA_VERSION_NUMERIC}"

VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

# Enable HiDPI support. https://nsis.sourceforge.io/Reference/ManifestDPIAware
ManifestDPIAware true

!include "MUI2.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "$(cartera_welcome)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(cartera_uninstall_keeps)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

# Spanish first: it is the default when Windows' language is neither.
!insertmacro MUI_LANGUAGE "Spanish"
!insertmacro MUI_LANGUAGE "English"

LangString cartera_welcome ${LANG_SPANISH} "Este asistente instala Cartera ${INFO_PRODUCTVERSION}, cuentas por cobrar y cobranza.$\r$\n$\r$\nSe instala solo para su usuario, sin permisos de administrador. Para instalarlo para todos los usuarios del equipo, ejecute el instalador como administrador.$\r$\n$\r$\nSus carteras (archivos .cartera), sus copias de seguridad y su configuración no forman parte del programa: ni esta instalación ni una desinstalación las tocan."
LangString cartera_welcome ${LANG_ENGLISH} "This wizard installs Cartera ${INFO_PRODUCTVERSION}, accounts receivable and collections.$\r$\n$\r$\nIt installs for your user only, without administrator rights. To install it for every user of this computer, run the installer as administrator.$\r$\n$\r$\nYour portfolios (.cartera files), their backups and your settings are not part of the program: neither this installation nor an uninstall touches them."
LangString cartera_uninstall_keeps ${LANG_SPANISH} "Se quitará el programa Cartera de este equipo. Sus carteras (archivos .cartera), sus copias de seguridad y su configuración NO se borran: quedan donde están."
LangString cartera_uninstall_keeps ${LANG_ENGLISH} "The Cartera program will be removed from this computer. Your portfolios (.cartera files), their backups and your settings are NOT deleted: they stay where they are."
LangString cartera_section_main ${LANG_SPANISH} "Cartera (programa y menú Inicio)"
LangString cartera_section_main ${LANG_ENGLISH} "Cartera (program and Start menu)"
LangString cartera_section_desktop ${LANG_SPANISH} "Acceso directo en el escritorio"
LangString cartera_section_desktop ${LANG_ENGLISH} "Desktop shortcut"
LangString cartera_file_type ${LANG_SPANISH} "Cartera de cobranza"
LangString cartera_file_type ${LANG_ENGLISH} "Cartera portfolio"
LangString cartera_open_with ${LANG_SPANISH} "Abrir con Cartera"
LangString cartera_open_with ${LANG_ENGLISH} "Open with Cartera"
LangString cartera_needs_admin ${LANG_SPANISH} "Cartera se instaló para todos los usuarios: ejecute el desinstalador como administrador."
LangString cartera_needs_admin ${LANG_ENGLISH} "Cartera was installed for every user: run the uninstaller as administrator."

## To sign the installer and the uninstaller (the path is given in %1):
#!uninstfinalize 'signtool --file "%1"'
#!finalize 'signtool --file "%1"'

Name "${INFO_PRODUCTNAME}"
OutFile "..\..\bin\${CARTERA_INSTALLER}"
ShowInstDetails show

# 1 when installing for every user (the installer runs as administrator).
Var MachineWide

Function .onInit
    !insertmacro wails.checkArchitecture
    UserInfo::GetAccountType
    Pop $0
    ${If} $0 == "Admin"
        StrCpy $MachineWide 1
        SetShellVarContext all
    ${Else}
        StrCpy $MachineWide 0
        SetShellVarContext current
    ${EndIf}
    # $INSTDIR is empty unless /D= was given on the command line.
    ${If} $INSTDIR == ""
        ${If} $MachineWide == 1
            StrCpy $INSTDIR "$PROGRAMFILES64\${INFO_PRODUCTNAME}"
        ${Else}
            StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
        ${EndIf}
    ${EndIf}
FunctionEnd

Section "$(cartera_section_main)" SecMain
    SectionIn RO
    !insertmacro wails.webview2runtime

    SetOutPath $INSTDIR
    !insertmacro wails.files
    File "..\portfolio.ico"

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

    # .cartera files open in Cartera (the previous owner of the extension is kept, to restore on uninstall).
    !insertmacro APP_ASSOCIATE "cartera" "${FILE_CLASS}" "$(cartera_file_type)" "$INSTDIR\portfolio.ico" "$(cartera_open_with)" '"$INSTDIR\${PRODUCT_EXECUTABLE}" "%1"'
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

    WriteUninstaller "$INSTDIR\uninstall.exe"
    SetRegView 64
    WriteRegStr SHELL_CONTEXT "${UNINST_KEY}" "Publisher" "${INFO_COMPANYNAME}"
    WriteRegStr SHELL_CONTEXT "${UNINST_KEY}" "DisplayName" "${INFO_PRODUCTNAME}"
    WriteRegStr SHELL_CONTEXT "${UNINST_KEY}" "DisplayVersion" "${INFO_PRODUCTVERSION}"
    WriteRegStr SHELL_CONTEXT "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    WriteRegStr SHELL_CONTEXT "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr SHELL_CONTEXT "${UNINST_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
    WriteRegStr SHELL_CONTEXT "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
    WriteRegDWORD SHELL_CONTEXT "${UNINST_KEY}" "NoModify" 1
    WriteRegDWORD SHELL_CONTEXT "${UNINST_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD SHELL_CONTEXT "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(cartera_section_desktop)" SecDesktop
    CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
SectionEnd

Function un.onInit
    # A per-machine install is recorded under HKLM with this folder; removing it needs an administrator.
    UserInfo::GetAccountType
    Pop $0
    SetRegView 64
    ReadRegStr $1 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $1 != ""
    ${AndIf} $1 == $INSTDIR
        ${If} $0 != "Admin"
            MessageBox MB_ICONSTOP "$(cartera_needs_admin)" /SD IDOK
            SetErrorLevel 740
            Quit
        ${EndIf}
        SetShellVarContext all
    ${Else}
        SetShellVarContext current
    ${EndIf}
FunctionEnd

# Only the program's own files go: never the portfolios (.cartera), their
# backups or the settings folder, wherever they are.
Section "uninstall"
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\portfolio.ico"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"

    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"

    !insertmacro APP_UNASSOCIATE "cartera" "${FILE_CLASS}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

    SetRegView 64
    DeleteRegKey SHELL_CONTEXT "${UNINST_KEY}"

    # WebView2's cache for the program, %APPDATA%\cartera.exe of the user
    # uninstalling (Cartera keeps nothing of the user's there; its settings
    # are in %APPDATA%\Cartera, which stays).
    SetShellVarContext current
    RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}"
SectionEnd
