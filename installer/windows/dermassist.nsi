; DermAssist Windows installer (NSIS 3, Modern UI 2, Russian and English, per-machine).
;
; Build after PyInstaller has produced build\dist\dermassist (see build_windows.ps1):
;   makensis /DVERSION=0.1.0 installer\windows\dermassist.nsi
; Optional defines: BUNDLE_DIR (the PyInstaller folder, default ..\..\build\dist\dermassist),
; OUTDIR (where the setup .exe goes, default ..\..\build\dist).
; makensis runs from this script's folder, so relative paths start here.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\..\build\dist\dermassist"
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\build\dist"
!endif
!define APP "DermAssist"
!define PUBLISHER "DermAssist"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define APP_KEY "Software\${APP}"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTDIR}\${APP}-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "..\icons\dermassist.ico"
!define MUI_UNICON "..\icons\dermassist.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\DermAssist.exe"
!define MUI_FINISHPAGE_RUN_NOTCHECKED

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE $(NoticeFile)
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default when Windows' UI language is neither.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_RESERVEFILE_LANGDLL

LicenseLangString NoticeFile ${LANG_ENGLISH} "notice_en.txt"
LicenseLangString NoticeFile ${LANG_RUSSIAN} "notice_ru.txt"

LangString SecApp ${LANG_ENGLISH} "DermAssist (required)"
LangString SecApp ${LANG_RUSSIAN} "DermAssist (обязательно)"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktop ${LANG_RUSSIAN} "Ярлык на рабочем столе"
LangString SelfTestLink ${LANG_ENGLISH} "DermAssist self-test"
LangString SelfTestLink ${LANG_RUSSIAN} "DermAssist - самопроверка"
LangString UninstallLink ${LANG_ENGLISH} "Uninstall DermAssist"
LangString UninstallLink ${LANG_RUSSIAN} "Удалить DermAssist"
LangString Need64Bit ${LANG_ENGLISH} "DermAssist needs 64-bit Windows 10 or later."
LangString Need64Bit ${LANG_RUSSIAN} "Для DermAssist нужна 64-разрядная Windows 10 или новее."
LangString KeptData ${LANG_ENGLISH} "Patient records, images and settings in each user's folder (%LOCALAPPDATA%\DermAssist) are kept."
LangString KeptData ${LANG_RUSSIAN} "Записи пациентов, изображения и настройки в папках пользователей (%LOCALAPPDATA%\DermAssist) сохраняются."

Section "!$(SecApp)" SEC_APP
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program files wholesale so no stale library survives.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortCut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\DermAssist.exe" "" "$INSTDIR\DermAssist.exe" 0
  CreateShortCut "$SMPROGRAMS\${APP}\$(SelfTestLink).lnk" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\dermassist-cli.exe" --self-test"' "$INSTDIR\DermAssist.exe" 0
  CreateShortCut "$SMPROGRAMS\${APP}\$(UninstallLink).lnk" "$INSTDIR\Uninstall.exe"

  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP} ${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\DermAssist.exe,0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SecDesktop)" SEC_DESKTOP
  SetShellVarContext all
  CreateShortCut "$DESKTOP\${APP}.lnk" "$INSTDIR\DermAssist.exe" "" "$INSTDIR\DermAssist.exe" 0
SectionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Need64Bit)"
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$SMPROGRAMS\${APP}"
  ; Only what the installer put there: never a recursive delete of $INSTDIR itself, which the
  ; administrator may have pointed at a shared folder. Per-user records are not touched.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\DermAssist.exe"
  Delete "$INSTDIR\dermassist-cli.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
  DetailPrint "$(KeptData)"
SectionEnd
